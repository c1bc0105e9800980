package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.CertificateView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.HoursStatement;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.LogParticipation;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Nomination;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.ParticipationView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Verification;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Volunteers and certificates (Art. 13). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers and certificates", description = "Art. 13: volunteers log their participation in a team's "
        + "reported activities, which the lead unit confirms; confirmed participation earns a participation "
        + "certificate, and the lead unit may nominate outstanding members for the “科创中国”科技服务团优秀团员证书, issued once "
        + "an operator approves. Anyone verifies a certificate by its code.")
public class VolunteerResource {

    @Inject
    VolunteerService service;
    @Inject
    CurrentCaller caller;
    @Inject
    VolunteerPdfs pdfs;
    @Inject
    CertificateCredentials credentials;
    @Inject
    Clock clock;

    @Schema(name = "ParticipationCertificateRequest", description = "Which confirmed participation to certify.")
    public record CertificateRequest(
            @Schema(description = "The volunteer's own confirmed participation.", required = true)
            @NotNull UUID participationId) {
    }

    @POST
    @Path("/participations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipationView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "logParticipation", summary = "Log a volunteer's participation",
            description = "A volunteer records taking part in a team's reported activity, with role and hours (Art. "
                    + "13); it is PENDING until the team's lead unit confirms or rejects it.")
    @APIResponse(responseCode = "404", description = "No such activity.")
    public Response log(@NotNull @Valid LogParticipation request) {
        ParticipationView logged = service.log(caller.get(), request);
        return Created.at("/api/v1/participations/" + logged.id(), logged);
    }

    @GET
    @PersonalDataRead(type = "participation")
    @Path("/participations/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getParticipation", summary = "Read a participation",
            description = "One logged participation: the volunteer's own, the team's, or any for operators and "
                    + "auditors.")
    @APIResponse(responseCode = "200", description = "The participation.")
    @APIResponse(responseCode = "404", description = "No such participation (or not yours).")
    public ParticipationView participation(
            @Parameter(description = "The participation's id.") @PathParam("id") UUID id) {
        return service.participation(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("participation.not-found", id)));
    }

    @GET
    @PersonalDataRead(type = "participation")
    @Path("/participations")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listParticipations", summary = "List participations",
            description = "The participations the caller may see (a volunteer's own, a team's for its lead unit and "
                    + "handler, all for operators and auditors), newest first.")
    public Page<ParticipationView> participations(
            @Parameter(description = "Only participations in this status.",
                    schema = @Schema(implementation = Participation.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Only participations in this team's activities.")
            @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc` on loggedAt (default loggedAt,desc).")
            @QueryParam("sort") String sort) {
        return service.participations(caller.get(), QueryParams.enumValue(Participation.Status.class, "status", status),
                teamId, PageRequest.of(page, size, sort, Map.of("loggedAt", "loggedAt"), "loggedAt,desc"));
    }

    @POST
    @Path("/participations/{id}/confirm")
    @RolesAllowed(Roles.LEAD_UNIT)
    @Operation(operationId = "confirmParticipation", summary = "Confirm a participation",
            description = "The team's lead unit confirms a PENDING participation and its hours (Art. 13); nobody "
                    + "confirms their own. The body with a note is optional.")
    @APIResponse(responseCode = "200", description = "The participation, now CONFIRMED.")
    @APIResponse(responseCode = "404", description = "No such participation (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `already-decided` when the participation was already "
            + "confirmed or rejected.")
    @PersonalDataRead(type = "participation")
    public ParticipationView confirm(@Parameter(description = "The participation's id.") @PathParam("id") UUID id,
            @Valid Reason reason) {
        return service.decide(caller.get(), id, true, reason == null ? null : reason.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("participation.not-found", id)));
    }

    @POST
    @Path("/participations/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEAD_UNIT)
    @Operation(operationId = "rejectParticipation", summary = "Reject a participation",
            description = "The team's lead unit rejects a PENDING participation with a reason; no certificate can be "
                    + "had for it.")
    @APIResponse(responseCode = "200", description = "The participation, now REJECTED.")
    @APIResponse(responseCode = "404", description = "No such participation (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `already-decided` when the participation was already "
            + "confirmed or rejected.")
    @PersonalDataRead(type = "participation")
    public ParticipationView reject(@Parameter(description = "The participation's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.decide(caller.get(), id, false, body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("participation.not-found", id)));
    }

    @POST
    @Path("/certificates/participation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "requestParticipationCertificate", summary = "Get a participation certificate",
            description = "A volunteer gets the participation certificate (Art. 13) for one of their CONFIRMED "
                    + "participations, issued at once and VALID; asking again answers the same certificate.")
    @APIResponse(responseCode = "200", description = "The participation certificate, VALID (the one issued before, "
            + "when asked again).")
    @APIResponse(responseCode = "404", description = "No such participation of yours.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-confirmed` when the participation is not "
            + "confirmed.")
    @PersonalDataRead(type = "certificate")
    public CertificateView participationCertificate(@NotNull @Valid CertificateRequest body) {
        return service.requestParticipationCertificate(caller.get(), body.participationId());
    }

    @POST
    @Path("/certificates/outstanding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEAD_UNIT)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "nominateOutstandingMember", summary = "Nominate an outstanding member",
            description = "The lead unit of an active team nominates a member for the “科创中国”科技服务团优秀团员证书 "
                    + "(Art. 13) with a reason; the certificate is PENDING_APPROVAL until an operator approves it.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-active` when the team is suspended, revoked "
            + "or disqualified.")
    public Response nominate(@NotNull @Valid Nomination body) {
        CertificateView nominated = service.nominate(caller.get(), body);
        return Created.at("/api/v1/certificates/" + nominated.id(), nominated);
    }

    @GET
    @PersonalDataRead(type = "certificate")
    @Path("/certificates/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getCertificate", summary = "Read a certificate",
            description = "One certificate: the holder's own, the team's, or any for operators and auditors.")
    @APIResponse(responseCode = "200", description = "The certificate.")
    @APIResponse(responseCode = "404", description = "No such certificate (or not yours).")
    public CertificateView certificate(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id) {
        return service.certificate(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    @GET
    @Path("/certificates/{id}.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getCertificatePdf", summary = "Download a certificate as PDF",
            description = "The issued certificate (Art. 13) as an A4 PDF in Chinese, with the QR code of its public "
                    + "verification URL: the holder's own, the team's, or any for operators and auditors.")
    @APIResponse(responseCode = "200", description = "The PDF.",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such certificate (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-issued` while the certificate is pending "
            + "approval or was rejected.")
    public Response certificatePdf(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id) {
        CertificateFacts facts = issued(id);
        return download(pdfs.certificate(facts, credentials.verificationUrl(facts.certificate())), "application/pdf",
                "certificate-" + facts.certificate().code + ".pdf");
    }

    @GET
    @Path("/certificates/{id}/credential")
    @Produces({"application/vc+jwt", "application/problem+json"})
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getCertificateCredential", summary = "Download a certificate as a verifiable credential",
            description = "The issued certificate as an Open Badges 3.0 OpenBadgeCredential (W3C VC data model 2.0) "
                    + "secured as a compact JWS (`application/vc+jwt`, ES256): the payload is the credential, the "
                    + "header's `kid` names the key in `GET /api/v1/public/credentials/keys`, and `credentialStatus` "
                    + "points to the revocation list at `GET /api/v1/public/credentials/status`. Verifiable offline.")
    @APIResponse(responseCode = "200", description = "The compact JWS.",
            content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such certificate (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-issued` while the certificate is pending "
            + "approval or was rejected.")
    public Response credential(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id) {
        CertificateFacts facts = issued(id);
        return download(credentials.credential(facts).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "application/vc+jwt", "certificate-" + facts.certificate().code + ".jwt");
    }

    @GET
    @PersonalDataRead(type = "volunteer-hours", id = "volunteer")
    @Path("/volunteers/{volunteer}/hours")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getHoursStatement", summary = "A volunteer's hours statement",
            description = "The volunteer's confirmed participations whose activity began between `from` and `to` "
                    + "(default: this year up to today, China time) and their total hours (Art. 13). A volunteer asks "
                    + "for `me`; operators and auditors for anyone; a team's lead unit and people see only their "
                    + "teams' activities.")
    @APIResponse(responseCode = "200", description = "The statement.")
    @APIResponse(responseCode = "400", description = "`from` or `to` is not a date, or `to` is before `from`.")
    @APIResponse(responseCode = "404", description = "A volunteer asked for someone else.")
    public HoursStatement hours(
            @Parameter(description = "The volunteer's user id, or `me`.", example = "me") @PathParam("volunteer")
            String volunteer,
            @Parameter(description = "First day, e.g. 2026-01-01.", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, e.g. 2026-12-31.", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("to") String to) {
        return statement(volunteer, from, to);
    }

    @GET
    @Path("/volunteers/{volunteer}/hours.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getHoursStatementPdf", summary = "A volunteer's hours statement as PDF",
            description = "The same statement as `GET /api/v1/volunteers/{volunteer}/hours`, as an A4 PDF in Chinese.")
    @APIResponse(responseCode = "200", description = "The PDF.",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "`from` or `to` is not a date, or `to` is before `from`.")
    @APIResponse(responseCode = "404", description = "A volunteer asked for someone else.")
    public Response hoursPdf(
            @Parameter(description = "The volunteer's user id, or `me`.", example = "me") @PathParam("volunteer")
            String volunteer,
            @Parameter(description = "First day, e.g. 2026-01-01.", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, e.g. 2026-12-31.", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("to") String to) {
        HoursStatement statement = statement(volunteer, from, to);
        return download(pdfs.hoursStatement(statement), "application/pdf",
                "hours-" + statement.from() + "-" + statement.to() + ".pdf");
    }

    @POST
    @Path("/certificates/{id}/approve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "approveCertificate", summary = "Approve an outstanding-member certificate",
            description = "An operator approves a nomination PENDING_APPROVAL: the certificate is issued, VALID, with "
                    + "its verification code.")
    @APIResponse(responseCode = "200", description = "The certificate, now VALID.")
    @APIResponse(responseCode = "404", description = "No such certificate.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the certificate is not pending "
            + "approval.")
    @PersonalDataRead(type = "certificate")
    public CertificateView approve(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id) {
        return service.approve(caller.get(), id, true, null)
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    @POST
    @Path("/certificates/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "rejectCertificateNomination", summary = "Reject an outstanding-member nomination",
            description = "An operator rejects a nomination PENDING_APPROVAL with a reason: the certificate becomes "
                    + "REJECTED and is never issued.")
    @APIResponse(responseCode = "200", description = "The certificate, now REJECTED.")
    @APIResponse(responseCode = "404", description = "No such certificate.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the certificate is not pending "
            + "approval.")
    @PersonalDataRead(type = "certificate")
    public CertificateView rejectNomination(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.approve(caller.get(), id, false, body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    @POST
    @Path("/certificates/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "revokeCertificate", summary = "Revoke a certificate",
            description = "An operator revokes a VALID certificate with a reason; verifying its code then shows it "
                    + "REVOKED.")
    @APIResponse(responseCode = "200", description = "The certificate, now REVOKED.")
    @APIResponse(responseCode = "404", description = "No such certificate.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-valid` when the certificate is not VALID.")
    @PersonalDataRead(type = "certificate")
    public CertificateView revoke(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.revoke(caller.get(), id, body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    @GET
    @PersonalDataRead(type = "certificate")
    @Path("/certificates")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listCertificates", summary = "List certificates",
            description = "The certificates the caller may see (a volunteer's own, a team's for its lead unit and "
                    + "handler, all for operators and auditors), newest first. Operators and auditors may ask for the "
                    + "whole list as a file with `Accept: text/csv` or `Accept: " + TableFormat.XLSX_TYPE + "` (the "
                    + "same filters; with the activity and hours each certifies).")
    public Page<CertificateView> certificates(
            @Parameter(description = "Only certificates in this status.",
                    schema = @Schema(implementation = Certificate.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Only certificates of this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only certificates issued in this year in China (a pending nomination: made in "
                    + "it).", schema = @Schema(type = SchemaType.INTEGER, format = "int32"), example = "2026")
            @QueryParam("year") String year,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: createdAt or issuedAt (default createdAt,desc).")
            @QueryParam("sort") String sort) {
        return service.certificates(caller.get(), certificateFilter(status, teamId, year),
                PageRequest.of(page, size, sort, Map.of("createdAt", "createdAt", "issuedAt", "issuedAt"),
                        "createdAt,desc"));
    }

    /** {@code GET /api/v1/certificates} with {@code Accept: text/csv} or XLSX: every matching certificate. */
    @GET
    @PersonalDataRead(type = "certificate", rows = CertificateExport.PersonalColumns.class)
    @Path("/certificates/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response exportCertificates(@QueryParam("status") String status, @QueryParam("teamId") UUID teamId,
            @QueryParam("year") String year, @HeaderParam("Accept") String accept) {
        VolunteerService.CertificateFilter filter = certificateFilter(status, teamId, year);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "证书", CertificateExport.COLUMNS,
                () -> service.allCertificates(who, filter), who);
    }

    private static VolunteerService.CertificateFilter certificateFilter(String status, UUID teamId, String year) {
        Integer y = null;
        if (year != null && !year.isBlank()) {
            String s = year.strip();
            if (s.length() != 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.compareTo("2000") < 0
                    || s.compareTo("2199") > 0) {
                throw ProblemException.invalid("year", Text.of("certificate.year"));
            }
            y = Integer.parseInt(s);
        }
        return new VolunteerService.CertificateFilter(QueryParams.enumValue(Certificate.Status.class, "status", status),
                teamId, y);
    }

    /** Anyone verifies a certificate by its code (no token). */
    @GET
    @Path("/public/certificates/{code}")
    @PermitAll
    @Operation(operationId = "verifyCertificate", summary = "Verify a certificate by its code",
            description = "Anyone, without a token, checks a certificate code (Art. 13, 15): which certificate, the "
                    + "holder's masked name, the team, when issued and whether it is VALID or REVOKED.")
    @APIResponse(responseCode = "200", description = "What the certificate says, the holder's name masked.")
    @APIResponse(responseCode = "404", description = "No issued certificate has this code.")
    public Verification verify(@Parameter(description = "The certificate's 20-character code.",
            example = "K7Q2M9X4T8B3N6P5R5W2") @PathParam("code") String code) {
        return service.verify(code).orElseThrow(() -> ProblemException.notFound(Text.of("certificate.code-not-found")));
    }

    private CertificateFacts issued(UUID id) {
        return service.issued(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    private HoursStatement statement(String volunteer, String from, String to) {
        Caller me = caller.get();
        String who = "me".equals(volunteer) ? me.subject() : volunteer;
        // a user id is at most 200 characters and has no control characters (PostgreSQL text takes no NUL)
        if (who == null || who.length() > 200 || who.chars().anyMatch(Character::isISOControl)
                || (!who.equals(me.subject()) && !me.isAny(Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER))) {
            throw ProblemException.notFound(Text.of("volunteer.not-found"));
        }
        LocalDate today = LocalDate.now(clock.withZone(CertificateFacts.CHINA));
        LocalDate first = day("from", from, today.withDayOfYear(1));
        LocalDate last = day("to", to, today);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", Text.of("hours.range"));
        }
        return service.hours(me, who, first, last);
    }

    private static LocalDate day(String field, String raw, LocalDate otherwise) {
        LocalDate date = QueryParams.date(field, raw);
        return date == null ? otherwise : date;
    }

    private static Response download(byte[] body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
