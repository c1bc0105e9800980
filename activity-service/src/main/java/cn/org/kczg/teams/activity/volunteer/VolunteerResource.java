package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.CertificateView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.LogParticipation;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Nomination;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.ParticipationView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Verification;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Volunteers and certificates (Art. 13). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers and certificates (Art. 13)")
public class VolunteerResource {

    @Inject
    VolunteerService service;
    @Inject
    CurrentCaller caller;

    public record CertificateRequest(@NotNull UUID participationId) {
    }

    @POST
    @Path("/participations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipationView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response log(@NotNull @Valid LogParticipation request) {
        ParticipationView logged = service.log(caller.get(), request);
        return Created.at("/api/v1/participations/" + logged.id(), logged);
    }

    @GET
    @Path("/participations/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public ParticipationView participation(@PathParam("id") UUID id) {
        return service.participation(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound("No participation " + id + "."));
    }

    @GET
    @Path("/participations")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public Page<ParticipationView> participations(@QueryParam("status") String status,
            @QueryParam("teamId") UUID teamId, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        return service.participations(caller.get(), QueryParams.enumValue(Participation.Status.class, "status", status),
                teamId, PageRequest.of(page, size, sort, Map.of("loggedAt", "loggedAt"), "loggedAt,desc"));
    }

    @POST
    @Path("/participations/{id}/confirm")
    @RolesAllowed(Roles.LEAD_UNIT)
    public ParticipationView confirm(@PathParam("id") UUID id, @Valid Reason reason) {
        return service.decide(caller.get(), id, true, reason == null ? null : reason.reason())
                .orElseThrow(() -> ProblemException.notFound("No participation " + id + "."));
    }

    @POST
    @Path("/participations/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEAD_UNIT)
    public ParticipationView reject(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.decide(caller.get(), id, false, body.reason())
                .orElseThrow(() -> ProblemException.notFound("No participation " + id + "."));
    }

    @POST
    @Path("/certificates/participation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
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
    public Response nominate(@NotNull @Valid Nomination body) {
        CertificateView nominated = service.nominate(caller.get(), body);
        return Created.at("/api/v1/certificates/" + nominated.id(), nominated);
    }

    @GET
    @Path("/certificates/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public CertificateView certificate(@PathParam("id") UUID id) {
        return service.certificate(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound("No certificate " + id + "."));
    }

    @POST
    @Path("/certificates/{id}/approve")
    @RolesAllowed(Roles.OPERATOR)
    public CertificateView approve(@PathParam("id") UUID id) {
        return service.approve(caller.get(), id, true, null)
                .orElseThrow(() -> ProblemException.notFound("No certificate " + id + "."));
    }

    @POST
    @Path("/certificates/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public CertificateView rejectNomination(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.approve(caller.get(), id, false, body.reason())
                .orElseThrow(() -> ProblemException.notFound("No certificate " + id + "."));
    }

    @POST
    @Path("/certificates/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public CertificateView revoke(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.revoke(caller.get(), id, body.reason())
                .orElseThrow(() -> ProblemException.notFound("No certificate " + id + "."));
    }

    @GET
    @Path("/certificates")
    @RolesAllowed({Roles.VOLUNTEER, Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public Page<CertificateView> certificates(@QueryParam("status") String status, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.certificates(caller.get(), QueryParams.enumValue(Certificate.Status.class, "status", status),
                PageRequest.of(page, size, sort, Map.of("createdAt", "createdAt", "issuedAt", "issuedAt"),
                        "createdAt,desc"));
    }

    /** Anyone verifies a certificate by its code (no token). */
    @GET
    @Path("/public/certificates/{code}")
    @PermitAll
    public Verification verify(@PathParam("code") String code) {
        return service.verify(code).orElseThrow(() -> ProblemException.notFound("No certificate with this code."));
    }
}
