package cn.org.kczg.teams.evaluation.indicator;

import cn.org.kczg.teams.evaluation.indicator.IndicatorSystemService.IndicatorSystemView;
import cn.org.kczg.teams.evaluation.metric.Metric;
import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

/** Art. 18: the operator keeps the indicator system per year; everyone staff-side may read it. */
@Path("/api/v1/indicator-systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator systems", description = "Art. 18: the performance indicator system (指标体系) over organisation "
        + "and operation, service content and effect, versioned per year with the weights the operator sets. A version "
        + "is a draft until published, then never changes; the year's assessment uses its latest published version.")
public class IndicatorSystemResource {
    private static final String ID = "The indicator system version's id.";
    private static final String NO_SYSTEM = "No such indicator system (drafts are visible to operators and auditors "
            + "only).";
    private static final String PUBLISHED = "Conflict: `published` when the version is published and cannot change "
            + "(create a new version instead).";

    @Inject
    IndicatorSystemService service;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listIndicatorSystems", summary = "List indicator system versions",
            description = "Art. 18: the indicator system versions, newest year and version first. Operators and "
                    + "auditors also see drafts; everyone else only published versions.")
    public Page<IndicatorSystemView> list(
            @Parameter(description = "Only versions for this year.") @QueryParam("year") Integer year,
            @Parameter(description = "Only versions in this status.",
                    schema = @Schema(implementation = IndicatorSystem.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Zero-based page number (default 0).") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1–100 (default 20).") @QueryParam("size") Integer size,
            @Parameter(description = "`field[,asc|desc]`, several joined by `;`; fields: year, version (default "
                    + "`year,desc;version,desc`).") @QueryParam("sort") String sort) {
        return service.list(year, QueryParams.enumValue(IndicatorSystem.Status.class, "status", status), staff(),
                PageRequest.of(page, size, sort, Map.of("year", "year", "version", "version"), "year,desc;version,desc"));
    }

    /** Operators and auditors see drafts; everyone else only what is published. */
    private boolean staff() {
        return caller.get().isAny(Roles.OPERATOR, Roles.AUDITOR);
    }

    /** The metric catalogue an indicator may read. */
    @GET
    @Path("/metrics")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listMetricCatalogue", summary = "List the metrics indicators may read",
            description = "Art. 18: the fixed catalogue of metrics the platform computes per team and year from the "
                    + "services' events; an indicator reads one of them, a penalty one of the penalty metrics.")
    public List<Metric> catalogue() {
        return MetricCatalogue.all();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "getIndicatorSystem", summary = "Get an indicator system version",
            description = "Art. 18: one version with its indicators grouped by dimension, penalties and grade bands.")
    @APIResponse(responseCode = "200", description = "The indicator system version.")
    @APIResponse(responseCode = "404", description = NO_SYSTEM)
    public IndicatorSystemView get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.find(id, staff()).orElseThrow(() -> notFound(id));
    }

    /** Who created, replaced and published this version, and when. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listIndicatorSystemHistory", summary = "List an indicator system's audit trail",
            description = "Art. 21: who created, replaced, published or deleted this version, and when, oldest first.")
    @APIResponse(responseCode = "200", description = "The version's audit trail, oldest first.")
    @APIResponse(responseCode = "404", description = "No such indicator system.")
    public List<HistoryEntry> history(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.history(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "createIndicatorSystem", summary = "Create an indicator system draft",
            description = "Art. 18: a new DRAFT version for the year (versions count up per year). Every dimension "
                    + "needs an indicator, the weights sum to 100, metrics come from the catalogue and penalty metrics "
                    + "only subtract; each failure names its field.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorSystemView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response create(@NotNull @Valid SystemDraft draft) {
        IndicatorSystemView view = service.create(caller.get(), draft);
        return Created.at("/api/v1/indicator-systems/" + view.id(), view);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "replaceIndicatorSystemDraft", summary = "Replace an indicator system draft",
            description = "Art. 18: replaces the whole content of a DRAFT version by the same rules as its creation; "
                    + "the draft keeps its year and version.")
    @APIResponse(responseCode = "200", description = "The replaced draft.")
    @APIResponse(responseCode = "404", description = "No such indicator system.")
    @APIResponse(responseCode = "409", description = PUBLISHED)
    public IndicatorSystemView replace(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid SystemDraft draft) {
        return service.replace(caller.get(), id, draft).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "publishIndicatorSystem", summary = "Publish an indicator system draft",
            description = "Art. 18: makes a DRAFT version PUBLISHED and final; the year's assessment runs then score "
                    + "against the latest published version.")
    @APIResponse(responseCode = "200", description = "The published version.")
    @APIResponse(responseCode = "404", description = "No such indicator system.")
    @APIResponse(responseCode = "409", description = "Conflict: `published` when the version is published already.")
    public IndicatorSystemView publish(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.publish(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "deleteIndicatorSystemDraft", summary = "Delete an indicator system draft",
            description = "Deletes a DRAFT version; a published version is kept for good.")
    @APIResponse(responseCode = "204", description = "The draft is deleted.")
    @APIResponse(responseCode = "404", description = "No such indicator system.")
    @APIResponse(responseCode = "409", description = PUBLISHED)
    public Response delete(@Parameter(description = ID) @PathParam("id") UUID id) {
        if (!service.deleteDraft(caller.get(), id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("indicator-system.not-found", id));
    }
}
