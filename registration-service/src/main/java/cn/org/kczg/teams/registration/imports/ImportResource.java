package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.kit.export.Column;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.problem.Problem;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.imports.ImportDtos.ImportView;
import cn.org.kczg.teams.registration.imports.ImportDtos.ProblemView;
import cn.org.kczg.teams.registration.imports.ImportDtos.Template;
import cn.org.kczg.teams.registration.imports.ImportDtos.TemplateColumn;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Issue 21: operators import the lead units and teams that exist before the "
        + "platform from CSV or XLSX — a dry run reports every problem by row and column, the real run creates them "
        + "as registration would (with its events) and leaves what is already registered as it is.")
public class ImportResource {
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt");

    @Inject
    ImportService service;
    @Inject
    ImportRunner runner;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "importLeadUnitsAndTeams", summary = "Import lead units and teams from a file",
            description = "multipart/form-data, part `file`: CSV (UTF-8, with or without BOM) or XLSX (the first "
                    + "sheet), at most 20 MB and 20,000 rows, with the headers of GET /api/v1/imports/template — one "
                    + "row per team, its lead unit's details repeated on each of its rows. Every cell is checked with "
                    + "registration's rules (credit code and check character, category against the code's "
                    + "registering authority, Art. 4 team name, categories, lengths, control characters), the file as "
                    + "a whole (a team name twice, one credit code with differing details) and against what is "
                    + "registered (a lead unit of that code with another name or category, a team name another lead "
                    + "unit holds or a pending application reserves). dryRun=true (the default) answers 200 with every "
                    + "problem and what would be created. dryRun=false with any problem imports nothing (400 "
                    + "`import-invalid`, the list in `problems`); without, it answers 202 and imports in the background "
                    + "in batches of 500 rows — new lead units registered (`lead-unit.registered`), new teams ACTIVE "
                    + "from an approved application (`team.activated`, as a review's approval makes them) — while "
                    + "lead units and team names already registered as in the file are counted unchanged. Follow "
                    + "Location until the status is DONE (or FAILED: importing the file again completes it).")
    @RequestBody(required = true, description = "The file as multipart/form-data.", content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(requiredProperties = {"file"})))
    @APIResponse(responseCode = "200", description = "The dry run's report: every problem, what would be created.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "202", description = "The real run started; Location names its record.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "`file` missing, empty, unreadable (not UTF-8, a broken XLSX) or "
            + "beyond 20,000 rows; `import-invalid` for a real run of a file with problems (the list in `problems`, "
            + "each with row, column and message).")
    @APIResponse(responseCode = "413", description = "Too large: `file-too-large` above 20 MB.")
    public Response upload(
            @Parameter(description = "true (default): check only; false: import when the file has no problem.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "The file.", required = true)
            @Schema(description = "The file: CSV or XLSX.", required = true, type = SchemaType.STRING,
                    format = "binary") @RestForm("file") FileUpload file,
            @Context HttpHeaders headers) {
        boolean dry = dryRun(dryRun);
        if (file == null) {
            throw ProblemException.invalid("file", Text.of("import.file.missing"));
        }
        Locale locale = ProblemTexts.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Caller who = caller.get();
        ImportPlan plan = service.plan(file.uploadedFile());
        String name = fileName(file.fileName());
        List<ProblemView> problems = plan.problems().stream().map(p -> ProblemView.of(p, locale)).toList();
        if (dry || !plan.problems().isEmpty()) {
            ImportView checked = service.recordChecked(who, plan, name, dry);
            ImportView answer = withProblems(checked, problems);
            if (dry) {
                return Response.ok(answer).build();
            }
            throw new ImportRejected(answer);
        }
        ImportView started = service.recordStarted(who, plan, name);
        runner.launch(who, started.id(), plan.valid());
        return Response.accepted(withProblems(started, problems))
                .location(URI.create("/api/v1/imports/" + started.id())).build();
    }

    private static boolean dryRun(String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw ProblemException.invalid("dryRun", Text.of("import.dry-run"));
    }

    /** The name as shown in the record: without control characters, at most 255 characters. */
    private static String fileName(String raw) {
        if (raw == null) {
            return null;
        }
        String cleaned = raw.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 255 ? cleaned.substring(0, 255) : cleaned;
    }

    private static ImportView withProblems(ImportView v, List<ProblemView> problems) {
        return new ImportView(v.id(), v.dryRun(), v.status(), v.fileName(), v.format(), v.sha256(), v.rows(),
                v.valid(), v.problemCount(), problems, v.created(), v.unchanged(), v.failure(), v.createdBy(),
                v.createdAt(), v.finishedAt());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getImport", summary = "Read an import",
            description = "One import's record: its status and figures (rows, valid rows, problems, lead units and "
                    + "teams created and unchanged so far). A real run is RUNNING until DONE or FAILED.")
    @APIResponse(responseCode = "200", description = "The import.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "No such import.")
    public ImportView get(@Parameter(description = "The import's id.") @PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound(Text.of("import.not-found", id)));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listImports", summary = "List imports",
            description = "Imports page by page, newest first (sort createdAt), filtered by dry run and status.")
    @APIResponse(responseCode = "200", description = "A page of imports.")
    public Page<ImportView> list(
            @Parameter(description = "Only dry runs (true) or only real runs (false).",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "Only imports in this status.",
                    schema = @Schema(implementation = ImportStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "createdAt,asc or createdAt,desc.") @QueryParam("sort") String sort) {
        Boolean dry = dryRun == null || dryRun.isBlank() ? null : dryRun(dryRun);
        return service.list(dry, QueryParams.enumValue(ImportStatus.class, "status", status),
                PageRequest.of(page, size, sort, SORTABLE, "createdAt,desc"));
    }

    @GET
    @Path("/template")
    @Produces({MediaType.APPLICATION_JSON, TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getImportTemplate", summary = "The import file's template",
            description = "Accept: text/csv or the XLSX type: a file with the headers and one example row to fill "
                    + "in (CSV in UTF-8 with BOM). Accept: application/json: the columns, whether each is required, an "
                    + "example, and the labels 单位类别 and 服务类别 accept.")
    @APIResponse(responseCode = "200", description = "The template.", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Template.class)),
            @Content(mediaType = TableFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response template(@Context HttpHeaders headers) {
        var format = TableFormat.accepted(headers.getHeaderString(HttpHeaders.ACCEPT));
        if (format.isEmpty()) {
            return Response.ok(new Template(Arrays.stream(ImportColumn.values())
                    .map(c -> new TemplateColumn(c.header, c.required, c.example)).toList(),
                    ImportLabels.UNIT_CATEGORIES.keySet().stream().limit(7).toList(),
                    List.copyOf(ImportLabels.SERVICES.keySet())), MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<Column<ImportColumn[]>> columns = Arrays.stream(ImportColumn.values())
                .map(c -> Column.<ImportColumn[]>of(c.header, row -> c.example)).toList();
        return TableExport.of(format.get(), "科技服务团导入模板", columns,
                () -> Stream.<ImportColumn[]>of(ImportColumn.values()));
    }

    /** The problem+json of a refused real run, with the file's problems as the extension member {@code problems}. */
    @ServerExceptionMapper
    public Response rejected(ImportRejected e, UriInfo uri, HttpHeaders headers) {
        Locale locale = ProblemTexts.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem base = Problem.of(400, "import-invalid", Text.BUNDLES.title(locale, "import-invalid", 400),
                Text.of("import.rejected", e.view.problemCount()).in(locale), uri.getPath(), null);
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new RejectedProblem(base.type(), base.title(), base.status(), base.detail(), base.instance(),
                        base.code(), e.view.id(), e.view.problems())).build();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RejectedProblem(String type, String title, int status, String detail, String instance, String code,
            UUID importId, List<ProblemView> problems) {
    }
}
