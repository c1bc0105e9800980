package cn.org.kczg.teams.kit.audit;

import cn.org.kczg.teams.kit.export.Column;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Each service's own audit trail, for auditors and operators: {@code /api/v1/audit-trail/<area>}, where the area is
 * the service's name without {@code -service} (the gateway routes each area to its service; a service answers 404
 * for another's). As a list, or whole as CSV/XLSX through {@code Accept} like the other staff lists.
 */
@Path("/api/v1/audit-trail/{area}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who did what to which record, when and why, per service: append-only.")
public class AuditTrailResource {
    static final String AREA = "The service whose trail to read.";
    static final List<Column<AuditEntry>> COLUMNS = List.of(
            Column.of("序号", e -> e.id),
            Column.of("时间", e -> e.occurredAt),
            Column.of("操作人", e -> e.actor),
            Column.of("角色", e -> e.actorRole),
            Column.of("操作", e -> e.action),
            Column.of("对象类型", e -> e.aggregateType),
            Column.of("对象编号", e -> e.aggregateId),
            Column.of("理由", e -> e.reason),
            Column.of("请求编号", e -> e.requestId));

    private static final String PREFIX = "/api/v1/audit-trail/";

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Whether {@code path} is an audit trail's list (not its export), whichever area. */
    public static boolean isTrail(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.indexOf('/', PREFIX.length()) < 0;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.OPERATOR})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listAuditTrail", summary = "Read a service's audit trail",
            description = "The audit trail of one service (registration, review, activity or evaluation), newest "
                    + "first, filtered by actor, action, record and a period of days (Beijing time, both ends "
                    + "included). Auditors and operators only. The whole list as a file with `Accept: text/csv` or "
                    + "`Accept: " + TableFormat.XLSX_TYPE + "` (the same filters).")
    public Page<AuditEntryView> list(
            @Parameter(description = AREA, schema = @Schema(enumeration = {"registration", "review", "activity",
                    "evaluation"})) @PathParam("area") String area,
            @Parameter(description = "Only entries by this subject.") @QueryParam("actor") String actor,
            @Parameter(description = "Only entries of this action, e.g. `approved`.") @QueryParam("action") String action,
            @Parameter(description = "Only entries about this kind of record, e.g. `application`.")
            @QueryParam("aggregateType") String aggregateType,
            @Parameter(description = "Only entries about this record (its id).") @QueryParam("aggregateId") String aggregateId,
            @Parameter(description = "From this day on (yyyy-MM-dd, Beijing time).", example = "2026-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Up to and including this day (yyyy-MM-dd, Beijing time).", example = "2026-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = Listing.CURSOR_PARAMETER) @QueryParam("cursor") String cursor,
            @Parameter(description = Listing.COUNT_PARAMETER, schema = @Schema(enumeration = {"exact", "estimate"}))
            @QueryParam("count") String count) {
        ownArea(area);
        AuditTrailQuery query = AuditTrailQuery.of(actor, action, aggregateType, aggregateId, from, to);
        Parameters parameters = new Parameters();
        return Listing.of(AuditEntry.class, query.where(parameters), parameters,
                PageRequest.of(page, size, null, cursor, count, Map.of("id", "id"), "id,desc"), AuditEntryView::of);
    }

    /** {@code GET /api/v1/audit-trail/<area>} with {@code Accept: text/csv} or XLSX: the whole trail, as a file. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.AUDITOR, Roles.OPERATOR})
    @Operation(hidden = true)
    public Response export(@PathParam("area") String area, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("aggregateType") String aggregateType,
            @QueryParam("aggregateId") String aggregateId, @QueryParam("from") String from,
            @QueryParam("to") String to, @HeaderParam("Accept") String accept) {
        ownArea(area);
        AuditTrailQuery query = AuditTrailQuery.of(actor, action, aggregateType, aggregateId, from, to);
        Parameters parameters = new Parameters();
        List<String> where = query.where(parameters);
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "审计记录-" + area, COLUMNS,
                () -> Listing.all(AuditEntry.class, where, parameters, Sort.descending("id")));
    }

    private void ownArea(String area) {
        if (!application.equals(area + "-service")) {
            throw ProblemException.notFound(Text.of("audit.area", area));
        }
    }
}
