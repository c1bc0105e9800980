package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.CertificateView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.LogParticipation;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Nomination;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.ParticipationView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Verification;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    public CertificateView revoke(@Parameter(description = "The certificate's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.revoke(caller.get(), id, body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("certificate.not-found", id)));
    }

    @GET
    @Path("/certificates")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listCertificates", summary = "List certificates",
            description = "The certificates the caller may see (a volunteer's own, a team's for its lead unit and "
                    + "handler, all for operators and auditors), newest first.")
    public Page<CertificateView> certificates(
            @Parameter(description = "Only certificates in this status.",
                    schema = @Schema(implementation = Certificate.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: createdAt or issuedAt (default createdAt,desc).")
            @QueryParam("sort") String sort) {
        return service.certificates(caller.get(), QueryParams.enumValue(Certificate.Status.class, "status", status),
                PageRequest.of(page, size, sort, Map.of("createdAt", "createdAt", "issuedAt", "issuedAt"),
                        "createdAt,desc"));
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
}
