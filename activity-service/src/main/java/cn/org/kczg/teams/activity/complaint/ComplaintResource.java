package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.activity.complaint.ComplaintDtos.ComplaintView;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.FileComplaint;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.Outcome;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.PublicComplaint;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.Receipt;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.TeamResponse;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 15: anyone may complain about a team; the operator triages. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public complaints", description = "Art. 15: teams accept supervision by CAST and the public. Anyone "
        + "may file a complaint about a team without a token and follow it by its receipt code; the team may answer "
        + "it once; the operator triages it, upholding or dismissing it with a reason.")
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
    @Operation(operationId = "fileComplaint", summary = "File a complaint about a team",
            description = "Anyone may complain about a service team (Art. 15), no token needed; the complaint is "
                    + "RECEIVED for the operator to decide. Each client address may file a few complaints per window "
                    + "(kczg.complaints.*); beyond that the answer is 429 with Retry-After.")
    @APIResponse(responseCode = "404", description = "No such team.")
    @APIResponse(responseCode = "429", description = "Too many complaints from this address (code `rate-limited`); "
            + "try again after `Retry-After` seconds.")
    public Response file(@NotNull @Valid FileComplaint request, @Context HttpServerRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        String client = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Receipt receipt = service.file(request, client);
        return Created.at("/api/v1/complaints/" + receipt.id(), receipt);
    }

    @GET
    @Path("/public/complaints/{receipt}")
    @PermitAll
    @Operation(operationId = "followComplaint", summary = "Follow a complaint by its receipt",
            description = "No token needed: whoever holds the receipt code from the 201 answer reads where the "
                    + "complaint is and, once decided, the outcome with its reason. Case, dashes and the letters O, "
                    + "I, L typed for 0, 1 do not matter.")
    @APIResponse(responseCode = "200", description = "The complaint, as its complainant may read it.")
    @APIResponse(responseCode = "404", description = "No complaint has this receipt.")
    public PublicComplaint follow(@Parameter(description = "The receipt code, e.g. 7KQ2-M9XD-4RTB.")
            @PathParam("receipt") String receipt) {
        return service.byReceipt(receipt)
                .orElseThrow(() -> ProblemException.notFound(Text.of("complaint.receipt-not-found")));
    }

    @GET
    @PersonalDataRead(type = "complaint")
    @Path("/complaints")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listComplaints", summary = "List complaints",
            description = "The complaints the caller may see (the operator and auditors all, a team's lead unit and "
                    + "handler the team's), newest first; the complainant's contact is shown to staff only. Operators "
                    + "and auditors may ask for the whole list as a file with `Accept: text/csv` or `Accept: "
                    + TableFormat.XLSX_TYPE + "` (the same filters; no contacts in it).")
    public Page<ComplaintView> list(
            @Parameter(description = "Only complaints in this status.",
                    schema = @Schema(implementation = Complaint.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Only complaints about this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc` on filedAt (default filedAt,desc).")
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), QueryParams.enumValue(Complaint.Status.class, "status", status), teamId,
                PageRequest.of(page, size, sort, Map.of("filedAt", "filedAt"), "filedAt,desc"));
    }

    /** {@code GET /api/v1/complaints} with {@code Accept: text/csv} or XLSX: every matching complaint, as a file. */
    @GET
    @Path("/complaints/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("teamId") UUID teamId,
            @HeaderParam("Accept") String accept) {
        Complaint.Status s = QueryParams.enumValue(Complaint.Status.class, "status", status);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "投诉", ComplaintExport.COLUMNS,
                () -> service.all(who, s, teamId), who);
    }

    @GET
    @PersonalDataRead(type = "complaint")
    @Path("/complaints/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "getComplaint", summary = "Read a complaint",
            description = "One complaint with its status and, once decided, the operator's reason.")
    @APIResponse(responseCode = "200", description = "The complaint.")
    @APIResponse(responseCode = "404", description = "No such complaint (or not yours).")
    public ComplaintView get(@Parameter(description = "The complaint's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> ProblemException.notFound(Text.of("complaint.not-found", id)));
    }

    @POST
    @Path("/complaints/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "respondToComplaint", summary = "Answer a complaint about your team",
            description = "The team's lead unit, designated handler or a deputy answers a RECEIVED complaint about "
                    + "the team, once, for the operator to weigh before deciding. The complainant learns that the "
                    + "team answered, not what it said.")
    @APIResponse(responseCode = "200", description = "The complaint with the team's answer.")
    @APIResponse(responseCode = "403", description = "Someone of the team who is not its designated handler, a "
            + "deputy or its lead unit.")
    @APIResponse(responseCode = "404", description = "No such complaint (or not about your team).")
    @APIResponse(responseCode = "409", description = "Conflict: `already-responded` when the team answered already, "
            + "`already-decided` when the operator decided.")
    @PersonalDataRead(type = "complaint")
    public ComplaintView respond(@Parameter(description = "The complaint's id.") @PathParam("id") UUID id,
            @NotNull @Valid TeamResponse body) {
        return service.respond(caller.get(), id, body.text())
                .orElseThrow(() -> ProblemException.notFound(Text.of("complaint.not-found", id)));
    }

    @POST
    @Path("/complaints/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "decideComplaint", summary = "Decide a complaint",
            description = "The operator upholds or dismisses a RECEIVED complaint with a reason (Art. 15); an upheld "
                    + "complaint counts in the team's annual assessment.")
    @APIResponse(responseCode = "200", description = "The complaint, now UPHELD or DISMISSED.")
    @APIResponse(responseCode = "404", description = "No such complaint.")
    @APIResponse(responseCode = "409", description = "Conflict: `already-decided` when the complaint was already "
            + "upheld or dismissed.")
    @PersonalDataRead(type = "complaint")
    public ComplaintView decide(@Parameter(description = "The complaint's id.") @PathParam("id") UUID id,
            @NotNull @Valid Outcome body) {
        return service.decide(caller.get(), id, body.outcome(), body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("complaint.not-found", id)));
    }
}
