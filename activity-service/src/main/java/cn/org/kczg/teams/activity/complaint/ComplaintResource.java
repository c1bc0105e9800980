package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.activity.complaint.ComplaintDtos.ComplaintView;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.FileComplaint;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.Outcome;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.Receipt;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.Context;
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

/** Art. 15: anyone may complain about a team; the operator triages. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public complaints (Art. 15)")
public class ComplaintResource {
    @Inject
    ComplaintService service;
    @Inject
    CurrentCaller caller;

    /**
     * No token needed. The client address is the gateway's {@code X-Forwarded-For} (the gateway sets it;
     * services are reachable only through it), else the connection's address.
     */
    @POST
    @Path("/public/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @APIResponse(responseCode = "201", description = "Received; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Receipt.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response file(@NotNull @Valid FileComplaint request, @Context HttpServerRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        String client = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Receipt receipt = service.file(request, client);
        return Created.at("/api/v1/complaints/" + receipt.id(), receipt);
    }

    @GET
    @Path("/complaints")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    public Page<ComplaintView> list(@QueryParam("status") String status, @QueryParam("teamId") UUID teamId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.list(caller.get(), QueryParams.enumValue(Complaint.Status.class, "status", status), teamId,
                PageRequest.of(page, size, sort, Map.of("filedAt", "filedAt"), "filedAt,desc"));
    }

    @GET
    @Path("/complaints/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    public ComplaintView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> ProblemException.notFound("No complaint " + id + "."));
    }

    @POST
    @Path("/complaints/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ComplaintView decide(@PathParam("id") UUID id, @NotNull @Valid Outcome body) {
        return service.decide(caller.get(), id, body.outcome(), body.reason())
                .orElseThrow(() -> ProblemException.notFound("No complaint " + id + "."));
    }
}
