package cn.org.kczg.teams.kit.privacy;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Each service's record of staff reads of personal data, for the data-protection officer (the auditor role):
 * {@code /api/v1/audit/personal-data-access/<area>} like the audit trail (the gateway routes each area to its service
 * and answers the plain {@code /api/v1/audit/personal-data-access} by merging the four). As a list, or whole as
 * CSV/XLSX through {@code Accept}.
 */
@Path("/api/v1/audit/personal-data-access/{area}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data access", description = "Who of the staff read whose personal data, when: append-only.")
public class PersonalDataAccessResource {
    static final List<Column<PersonalDataAccess>> COLUMNS = List.of(
            Column.of("序号", e -> e.id),
            Column.of("时间", e -> e.occurredAt),
            Column.of("读取人", e -> e.actor),
            Column.of("角色", e -> e.actorRoles),
            Column.of("对象类型", e -> e.objectType),
            Column.of("对象编号", e -> e.objectId),
            Column.of("个人信息字段", e -> e.fields),
            Column.of("种类", e -> e.kinds.replaceAll("^,|,$", "")),
            Column.of("请求编号", e -> e.requestId));
    private static final String PREFIX = "/api/v1/audit/personal-data-access/";

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Whether {@code path} is a service's list (not its export). */
    public static boolean isList(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.indexOf('/', PREFIX.length()) < 0;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listPersonalDataAccess", summary = "Read who of the staff read personal data",
            description = "Issue 24 (PIPL): every read of personal data by an operator, reviewer or auditor that one "
                    + "service (registration, review, activity or evaluation) answered — who, when, which object, "
                    + "which personal fields the answer carried, the request id — newest first, filtered by reader, "
                    + "object, kind of field and a period of days (Beijing time, both ends included). The auditor "
                    + "(the data-protection officer) only. The whole list as a file with `Accept: text/csv` or "
                    + "`Accept: " + TableFormat.XLSX_TYPE + "`. `GET /api/v1/audit/personal-data-access` (no area) "
                    + "at the gateway merges the four services.")
    @APIResponse(responseCode = "200", description = "One page of the list, newest first.")
    @APIResponse(responseCode = "404", description = "No such area.")
    public Page<PersonalDataAccessView> list(
            @Parameter(description = "The service whose record to read.", schema = @Schema(enumeration = {
                    "registration", "review", "activity", "evaluation"})) @PathParam("area") String area,
            @Parameter(description = "Only reads by this subject.") @QueryParam("actor") String actor,
            @Parameter(description = "Only reads of this kind of object, e.g. `lead-unit`.")
            @QueryParam("objectType") String objectType,
            @Parameter(description = "Only reads of this object (its id).") @QueryParam("objectId") String objectId,
            @Parameter(description = "Only reads that carried a field of this kind, e.g. `PHONE`.",
                    schema = @Schema(enumeration = {"NAME", "PHONE", "EMAIL", "CONTACT", "IP_ADDRESS", "AFFILIATION",
                            "ACCOUNT_ID", "SERVICE_RECORD"})) @QueryParam("kind") String kind,
            @Parameter(description = "From this day on (yyyy-MM-dd, Beijing time).", example = "2026-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Up to and including this day (yyyy-MM-dd, Beijing time).", example = "2026-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = Listing.CURSOR_PARAMETER) @QueryParam("cursor") String cursor,
            @Parameter(description = Listing.COUNT_PARAMETER, schema = @Schema(enumeration = {"exact", "estimate"}))
            @QueryParam("count") String count) {
        ownArea(area);
        PersonalDataAccessQuery query = PersonalDataAccessQuery.of(actor, objectType, objectId, kind, from, to);
        Parameters parameters = new Parameters();
        return Listing.of(PersonalDataAccess.class, query.where(parameters), parameters,
                PageRequest.of(page, size, null, cursor, count, Map.of("id", "id"), "id,desc"),
                e -> PersonalDataAccessView.of(area, e));
    }

    /** The list with {@code Accept: text/csv} or XLSX: the whole of it, as a file. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public Response export(@PathParam("area") String area, @QueryParam("actor") String actor,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam("Accept") String accept) {
        ownArea(area);
        PersonalDataAccessQuery query = PersonalDataAccessQuery.of(actor, objectType, objectId, kind, from, to);
        Parameters parameters = new Parameters();
        List<String> where = query.where(parameters);
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "个人信息访问记录-" + area,
                COLUMNS, () -> Listing.all(PersonalDataAccess.class, where, parameters, Sort.descending("id")));
    }

    private void ownArea(String area) {
        if (!application.equals(area + "-service")) {
            throw ProblemException.notFound(Text.of("audit.area", area));
        }
    }
}
