package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.LeadUnitPatch;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.LeadUnitView;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.RegisterLeadUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lead-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lead units", description = "Art. 5: organisations (牵头单位) register with their unified social credit "
        + "code before they apply to form a team; a lead unit registers and sees only itself.")
public class LeadUnitResource {
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "creditCode", "creditCode", "registeredAt", "registeredAt");

    @Inject
    LeadUnitService service;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "registerLeadUnit", summary = "Register a lead unit",
            description = "Registers an organisation as a lead unit (Art. 5) under its unified social credit code, whose "
                    + "check character is verified and whose first character (the registering authority) must fit the category. A "
                    + "lead unit registers only its own organisation (the token's org); an operator may register a "
                    + "category the code does not fit with a written categoryOverrideReason.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadUnitView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request (code `validation`): besides the body's rules, "
            + "`category` when the credit code's registering authority does not register units of the category (e.g. a "
            + "code starting 91, an enterprise, as NATIONAL_SOCIETY), `categoryOverrideReason` when shorter than 20 "
            + "characters.")
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): a lead unit registering another "
            + "organisation, or sending categoryOverrideReason (operators only).")
    @APIResponse(responseCode = "409", description = "Conflict: `lead-unit-exists` when a lead unit with this credit "
            + "code is already registered.")
    @PersonalDataRead(type = "lead-unit", id = "creditCode")
    public Response register(@NotNull @Valid RegisterLeadUnit request) {
        LeadUnitView created = service.register(caller.get(), request);
        return Created.at("/api/v1/lead-units/" + created.creditCode(), created);
    }

    @GET
    @PersonalDataRead(type = "lead-unit", id = "creditCode")
    @Path("/{creditCode}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getLeadUnit", summary = "Read a lead unit",
            description = "One lead unit by its unified social credit code (any case). A lead unit sees only itself.")
    @APIResponse(responseCode = "404", description = "No such lead unit (or not yours).")
    @APIResponse(responseCode = "200", description = "The lead unit.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadUnitView.class)))
    public LeadUnitView get(@Parameter(description = "The lead unit's unified social credit code.",
            example = "91350100M000100Y43") @PathParam("creditCode") String creditCode) {
        return service.find(caller.get(), creditCode)
                .orElseThrow(() -> ProblemException.notFound(Text.of("lead-unit.not-found", creditCode)));
    }

    @PATCH
    @Path("/{creditCode}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "updateLeadUnit", summary = "Correct a lead unit's profile",
            description = "Applies a JSON Merge Patch (RFC 7396) to the lead unit's name, category and contact (the "
                    + "unit itself or an operator; the credit code cannot change). A new category is checked against "
                    + "the credit code's registering authority as at registration (operators may override it with a "
                    + "written categoryOverrideReason), and the unit's open review cases are checked for Art. 5 "
                    + "eligibility again. Every change is in the audit trail (old → new).")
    @RequestBody(required = true, description = "The changes, as a JSON Merge Patch of the lead unit.",
            content = {
                    @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = LeadUnitPatch.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeadUnitPatch.class))})
    @APIResponse(responseCode = "200", description = "The lead unit as corrected.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadUnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (code `validation`) naming each field at fault: the "
            + "body's rules as at registration, `creditCode` when changed, `category` when the credit code's "
            + "registering authority does not register units of it, `categoryOverrideReason` when too short.")
    @APIResponse(responseCode = "403", description = "Forbidden: a lead unit sending categoryOverrideReason.")
    @APIResponse(responseCode = "404", description = "No such lead unit (or not yours).")
    @PersonalDataRead(type = "lead-unit", id = "creditCode")
    public LeadUnitView update(@Parameter(description = "The lead unit's unified social credit code.",
            example = "91350100M000100Y43") @PathParam("creditCode") String creditCode, JsonNode patch)
            throws JsonProcessingException {
        return service.update(caller.get(), creditCode, patch)
                .orElseThrow(() -> ProblemException.notFound(Text.of("lead-unit.not-found", creditCode)));
    }

    @GET
    @PersonalDataRead(type = "lead-unit", id = "creditCode")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listLeadUnits", summary = "List lead units",
            description = "Registered lead units page by page, filtered by Art. 5 category and a name keyword; a lead "
                    + "unit sees only itself. Sortable by name, creditCode and registeredAt (default registeredAt,desc).")
    public Page<LeadUnitView> list(
            @Parameter(description = "Only lead units of this Art. 5 category.",
                    schema = @Schema(implementation = LeadUnitCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "A keyword found in the lead unit's name.") @QueryParam("name") String name,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "field,direction: name, creditCode or registeredAt; asc or desc.")
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), QueryParams.enumValue(LeadUnitCategory.class, "category", category), name,
                PageRequest.of(page, size, sort, SORTABLE, "registeredAt,desc"));
    }
}
