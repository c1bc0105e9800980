package cn.org.kczg.teams.evaluation.sanction;

import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SanctionView;
import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SeriousProblem;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.platform.security.Roles;
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

/** Art. 20: serious scientific, political or legal problems — a three-year ban and disqualification. */
@Path("/api/v1/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sanctions", description = "Art. 20: serious scientific, political or legal problems of a service team "
        + "(处分): the team loses its qualification and its lead unit may not apply again for three years, which "
        + "qualification review enforces.")
public class SanctionResource {
    @Inject
    SanctionService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "recordSanction", summary = "Record a serious problem of a team",
            description = "Art. 20: records a serious scientific, political or legal problem: the team is "
                    + "disqualified (team.disqualified) and its lead unit banned for three years from today "
                    + "(lead-unit.banned).")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SanctionView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such team.")
    public Response record(@NotNull @Valid SeriousProblem request) {
        SanctionView recorded = service.record(caller.get(), request);
        return Created.at("/api/v1/sanctions/" + recorded.id(), recorded);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getSanction", summary = "Get a sanction",
            description = "Art. 20: one recorded sanction with the team, the banned lead unit and the ban's dates.")
    @APIResponse(responseCode = "200", description = "The sanction.")
    @APIResponse(responseCode = "404", description = "No such sanction.")
    public SanctionView get(@Parameter(description = "The sanction's id.") @PathParam("id") UUID id) {
        return Sanction.<Sanction>findByIdOptional(id).map(SanctionView::of)
                .orElseThrow(() -> ProblemException.notFound(Text.of("sanction.not-found", id)));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listSanctions", summary = "List sanctions",
            description = "Art. 20: the recorded sanctions, the latest first, optionally of one lead unit.")
    public Page<SanctionView> list(
            @Parameter(description = "Only sanctions of the lead unit with this unified social credit code.",
                    example = "91350100M000100Y43", schema = @Schema(type = SchemaType.STRING,
                            pattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", minLength = 18, maxLength = 18))
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Zero-based page number (default 0).") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1–100 (default 20).") @QueryParam("size") Integer size) {
        return service.list(leadUnit, PageRequest.of(page, size, null, Map.of("decidedAt", "decidedAt"),
                "decidedAt,desc"));
    }
}
