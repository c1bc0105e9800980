package cn.org.kczg.teams.evaluation.recognition;

import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.IncentiveView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.MarkIncentive;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 19: outstanding lead units marked for incentives per year, listed and exported. */
@Path("/api/v1/incentives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incentives", description = "Art. 19: lead units whose teams' work stood out in a year (a published "
        + "assessment with a team graded EXCELLENT and none POOR) marked for an incentive (适当激励), listed and exported "
        + "for the first-class society evaluation.")
public class IncentiveResource {
    private static final String YEAR = "The assessment year, e.g. 2026.";
    private static final String CODE = "The lead unit's unified social credit code.";
    /** Credit codes as the platform knows them: letters, digits and hyphens (never a path or a query). */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-Za-z-]{1,40}");

    @Inject
    IncentiveService service;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentCaller caller;

    @PUT
    @Path("/{year}/lead-units/{creditCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "markIncentive", summary = "Mark a lead unit for an incentive",
            description = "Art. 19: the operator marks an outstanding lead unit for the year's incentive with a reason "
                    + "(and its kind, COMMENDATION by default). Only once the year's assessment is published, and "
                    + "only a lead unit with a team graded EXCELLENT, none POOR, and no sanction in force. Marking "
                    + "again replaces the kind and reason.")
    @APIResponse(responseCode = "200", description = "The lead unit's mark for the year.",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = IncentiveView.class)))
    @APIResponse(responseCode = "404", description = "No such lead unit.")
    @APIResponse(responseCode = "409", description = "Conflict: `assessment-not-published` before the year's "
            + "assessment is published; `not-outstanding` when none of its teams is EXCELLENT or one is POOR; "
            + "`lead-unit-sanctioned` while a sanction bans it.")
    public IncentiveView mark(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = CODE) @PathParam("creditCode") String creditCode,
            @NotNull @Valid MarkIncentive body) {
        return service.mark(caller.get(), checked(year), checked(creditCode), body);
    }

    @DELETE
    @Path("/{year}/lead-units/{creditCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "unmarkIncentive", summary = "Take back a lead unit's incentive mark",
            description = "Art. 19: the operator takes the year's mark back with a reason; it stays listed with "
                    + "`status=UNMARKED` and in the history.")
    @APIResponse(responseCode = "200", description = "The mark, now UNMARKED.",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = IncentiveView.class)))
    @APIResponse(responseCode = "404", description = "The lead unit is not marked for the year.")
    public IncentiveView unmark(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = CODE) @PathParam("creditCode") String creditCode,
            @NotNull @Valid RequiredReason body) {
        return service.unmark(caller.get(), checked(year), checked(creditCode), body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("incentive.not-found", creditCode, year)));
    }

    @GET
    @Path("/{year}/lead-units/{creditCode}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listIncentiveHistory", summary = "Read a lead unit's incentive history of a year",
            description = "Every marking and unmarking of the lead unit for the year, oldest first, with who and why.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first (empty when never marked).")
    public List<HistoryEntry> history(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = CODE) @PathParam("creditCode") String creditCode) {
        return audit.history(IncentiveService.AGGREGATE, checked(year) + "/" + checked(creditCode));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listIncentives", summary = "List lead units marked for incentives",
            description = "Art. 19: the lead units marked for incentives, latest first. Operators and auditors may "
                    + "ask for the whole list as a file with `Accept: text/csv` or `Accept: " + TableFormat.XLSX_TYPE
                    + "` (the same filters).")
    public Page<IncentiveView> list(@Parameter(description = "Only marks of this year, e.g. 2026.")
            @QueryParam("year") Integer year,
            @Parameter(description = "Only marks in this status (default MARKED).",
                    schema = @Schema(implementation = Incentive.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        return service.list(year, QueryParams.enumValue(Incentive.Status.class, "status", status),
                PageRequest.of(page, size, null, Map.of("markedAt", "markedAt"), "markedAt,desc"));
    }

    /** {@code GET /api/v1/incentives} with {@code Accept: text/csv} or XLSX: every matching mark, as a file. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("year") Integer year, @QueryParam("status") String status,
            @HeaderParam("Accept") String accept) {
        Incentive.Status s = QueryParams.enumValue(Incentive.Status.class, "status", status);
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "牵头单位激励", IncentiveExport.COLUMNS,
                () -> service.all(year, s));
    }

    private static int checked(int year) {
        if (year < 2000 || year > 2199) {
            throw ProblemException.invalid("year", Text.of("incentive.year"));
        }
        return year;
    }

    private static String checked(String creditCode) {
        if (creditCode == null || !CREDIT_CODE.matcher(creditCode).matches()) {
            throw ProblemException.invalid("creditCode", Text.of("incentive.credit-code"));
        }
        return creditCode;
    }
}
