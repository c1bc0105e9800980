package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.activity.ticket.SlaClock;
import cn.org.kczg.teams.activity.upload.UploadDtos.AcceptBody;
import cn.org.kczg.teams.activity.upload.UploadDtos.NewUpload;
import cn.org.kczg.teams.activity.upload.UploadDtos.OverdueView;
import cn.org.kczg.teams.activity.upload.UploadDtos.ReturnBody;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleBody;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UploadView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UsageView;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Periodic uploads (Art. 12): work progress, activity data, think-tank reports. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periodic uploads", description = "Art. 12: teams upload their work progress, activity data and "
        + "think-tank reports for each reporting period, by the due day the operator sets per kind; files are PDF, "
        + "DOCX, XLSX or ZIP, checked by their content, and count against the team's storage quota.")
public class UploadResource {
    private static final String PERIOD = "The reporting period as the kind's schedule names it: 2026-Q3 (quarterly), "
            + "2026-H1 (half-year) or 2026 (annual).";
    @Inject
    UploadService service;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2199;
    @Inject
    UploadCompleteness completeness;
    @Inject
    CurrentCaller caller;
    @Inject
    Clock clock;

    @PUT
    @Path("/upload-schedules/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "setUploadSchedule", summary = "Set an upload schedule",
            description = "The operator sets how often one kind of upload is due (quarterly, half-yearly or yearly) "
                    + "and the day of the following month it is due by; later uploads and overdue lists use it.")
    public ScheduleView setSchedule(
            @Parameter(description = "The kind of upload.",
                    schema = @Schema(implementation = UploadSchedule.Kind.class))
            @PathParam("kind") String kind, @NotNull @Valid ScheduleBody body) {
        return service.setSchedule(caller.get(), QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind), body);
    }

    @GET
    @Path("/upload-schedules")
    @Authenticated
    @Operation(operationId = "listUploadSchedules", summary = "List upload schedules",
            description = "How often each kind of upload is due and by which day, as the operator set them.")
    public List<ScheduleView> schedules() {
        return service.schedules();
    }

    /**
     * multipart/form-data: teamId, kind, period, title and the file (PDF, DOCX, XLSX or ZIP, at most 20 MB; a ZIP
     * package within {@code kczg.uploads.zip.*}). 409 {@code team-storage-quota} when the team's files and this one
     * would exceed {@code kczg.uploads.team-quota}.
     */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "uploadFile", summary = "Upload a periodic file",
            description = "The team's lead unit or handler uploads one file (multipart/form-data) of a kind for a "
                    + "reporting period (Art. 12): PDF, DOCX, XLSX or ZIP judged by its content, at most 20 MB, a ZIP "
                    + "package within kczg.uploads.zip.*. Whether it came by the due date is recorded. Another upload "
                    + "for the same kind and period is its next version (after a return: due by the same date).")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-storage-quota` when the team's files and this "
            + "one would exceed kczg.uploads.team-quota; `no-schedule` when the operator has set no schedule for the "
            + "kind; `team-not-active` when the team is suspended, revoked or disqualified; `upload-accepted` when staff "
            + "accepted the team's upload of this kind and period.")
    @RequestBody(required = true, description = "The upload as multipart/form-data: teamId, kind, period, an optional "
            + "title and the file.", content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(requiredProperties = {"teamId", "kind", "period", "file"})))
    @APIResponse(responseCode = "413", description = "Too large: `file-too-large` when the file is above 20 MB "
            + "(`payload-too-large` when the whole request is).")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response upload(
            @Parameter(description = "The team the file is for.", required = true)
            @Schema(description = "The team the file is for.", required = true, type = SchemaType.STRING,
                    format = "uuid")
            @RestForm("teamId") String teamId,
            @Parameter(description = "The kind of upload.", required = true)
            @Schema(description = "The kind of upload: PROGRESS, ACTIVITY_DATA or THINK_TANK_REPORT.", required = true,
                    implementation = UploadSchedule.Kind.class)
            @RestForm("kind") String kind,
            @Parameter(description = PERIOD, required = true)
            @Schema(description = PERIOD, required = true, example = "2026-Q3") @RestForm("period") String period,
            @Parameter(description = "A title; the file name when left out.")
            @Schema(description = "A title; the file name when left out.", example = "2026年第三季度工作进展")
            @RestForm("title") String title,
            @Parameter(description = "The file: PDF, DOCX, XLSX or ZIP, at most 20 MB.", required = true)
            @Schema(description = "The file: PDF, DOCX, XLSX or ZIP, at most 20 MB.", required = true,
                    type = SchemaType.STRING, format = "binary")
            @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", Text.of("upload.file.missing"));
        }
        if (file.size() > UploadService.MAX_BYTES) {
            throw FileIntake.tooLarge(file.size(), UploadService.MAX_BYTES);
        }
        UUID team;
        try {
            team = UUID.fromString(teamId == null ? "" : teamId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("teamId", Text.of("upload.team-id"));
        }
        UploadSchedule.Kind k = QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind);
        if (k == null) {
            throw ProblemException.invalid("kind", Text.of("upload.kind.required"));
        }
        // Quarkus wrote the part to a temporary file as it arrived (deleted when the request ends): read from there
        UploadView created = service.upload(caller.get(), new NewUpload(team, k, period, title, file.fileName(),
                file.contentType(), file.uploadedFile()));
        return Created.at("/api/v1/uploads/" + created.id(), created);
    }

    @GET
    @Path("/uploads/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getUpload", summary = "Read an upload",
            description = "One upload's record: its kind, period, file name, type, size, SHA-256 and whether it "
                    + "came on time.")
    @APIResponse(responseCode = "200", description = "The upload's record.")
    @APIResponse(responseCode = "404", description = "No such upload (or not yours).")
    public UploadView get(@Parameter(description = "The upload's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).map(UploadView::of)
                .orElseThrow(() -> ProblemException.notFound(Text.of("upload.not-found", id)));
    }

    @GET
    @Path("/uploads")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listUploads", summary = "List uploads",
            description = "The uploads the caller may see (a team's lead unit and handler the team's, the operator and "
                    + "auditors all), newest first. Operators and auditors may ask for the whole list as a file with "
                    + "`Accept: text/csv` or `Accept: " + TableFormat.XLSX_TYPE + "` (the same filters).")
    public Page<UploadView> list(
            @Parameter(description = "Only uploads of this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only uploads of this kind.",
                    schema = @Schema(implementation = UploadSchedule.Kind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only uploads for this reporting period, e.g. 2026-Q3, 2026-H1 or 2026.")
            @QueryParam("period") String period,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc` on uploadedAt (default uploadedAt,desc).")
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), teamId, QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind),
                period, PageRequest.of(page, size, sort, Map.of("uploadedAt", "uploadedAt"), "uploadedAt,desc"));
    }

    /** {@code GET /api/v1/uploads} with {@code Accept: text/csv} or XLSX: every matching upload's record, as a file. */
    @GET
    @Path("/uploads/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("teamId") UUID teamId, @QueryParam("kind") String kind,
            @QueryParam("period") String period, @HeaderParam("Accept") String accept) {
        UploadSchedule.Kind k = QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "材料报送", UploadExport.COLUMNS,
                () -> service.all(who, teamId, k, period));
    }

    @POST
    @Path("/uploads/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "acceptUpload", summary = "Accept an upload",
            description = "The operator accepts the latest version of a team's upload for its kind and period (Art. "
                    + "12), with an optional comment; the team's lead unit is told. An accepted period takes no more "
                    + "versions.")
    @APIResponse(responseCode = "200", description = "The upload, accepted.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", description = "No such upload.")
    @APIResponse(responseCode = "409", description = "Conflict: `upload-superseded` when a newer version of the "
            + "team's upload for the kind and period exists; `upload-reviewed` when this version was already accepted "
            + "or returned.")
    public UploadView accept(@Parameter(description = "The upload's id.") @PathParam("id") UUID id,
            @Valid AcceptBody body) {
        return service.accept(caller.get(), id, body == null ? null : body.comment())
                .orElseThrow(() -> ProblemException.notFound(Text.of("upload.not-found", id)));
    }

    @POST
    @Path("/uploads/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "returnUpload", summary = "Return an upload",
            description = "The operator returns the latest version of a team's upload with a comment saying what to "
                    + "change (Art. 12); the team's lead unit is told, and the team uploads a new version (POST "
                    + "/api/v1/uploads) by the same due date — a return grants no extension.")
    @APIResponse(responseCode = "200", description = "The upload, returned.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", description = "No such upload.")
    @APIResponse(responseCode = "409", description = "Conflict: `upload-superseded` when a newer version of the "
            + "team's upload for the kind and period exists; `upload-reviewed` when this version was already accepted "
            + "or returned.")
    public UploadView giveBack(@Parameter(description = "The upload's id.") @PathParam("id") UUID id,
            @NotNull @Valid ReturnBody body) {
        return service.giveBack(caller.get(), id, body.comment())
                .orElseThrow(() -> ProblemException.notFound(Text.of("upload.not-found", id)));
    }

    @GET
    @Path("/uploads/completeness")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getUploadCompleteness", summary = "Read upload completeness",
            description = "Art. 12 completeness per team and period: one row per active team × scheduled kind × "
                    + "reporting period of the year that has ended, with the latest version's status (MISSING, "
                    + "SUBMITTED, RETURNED, ACCEPTED), whether it came on time and its due date, ordered by team, kind "
                    + "and period; and the totals over all rows (completeness = (submitted + accepted) / expected). "
                    + "Operators and auditors see every team, a lead unit its own teams, a handler their team. "
                    + "Operators and auditors may ask for the whole list as a file with `Accept: text/csv` or `Accept: "
                    + TableFormat.XLSX_TYPE + "` (the same filters).")
    @APIResponse(responseCode = "200", description = "The page of rows and the totals.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = UploadDtos.CompletenessReport.class)))
    public UploadDtos.CompletenessReport completeness(
            @Parameter(description = "The year whose periods are expected (default: this year in China); ignored "
                    + "when a period is named.", schema = @Schema(type = SchemaType.INTEGER, format = "int32"),
                    example = "2026") @QueryParam("year") String year,
            @Parameter(description = "Only this kind.", schema = @Schema(implementation = UploadSchedule.Kind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Only this reporting period, e.g. 2026-Q3, 2026-H1 or 2026.")
            @QueryParam("period") String period,
            @Parameter(description = "Only this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only rows in this status (the totals stay over all rows).",
                    schema = @Schema(implementation = UploadDtos.CompletenessStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        return completeness.report(caller.get(), completenessFilter(year, kind, period, teamId, status),
                PageRequest.of(page, size, null, Map.of("team", "teamName"), "team"));
    }

    /** {@code GET /api/v1/uploads/completeness} as CSV or XLSX: every row the filters match. */
    @GET
    @Path("/uploads/completeness/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response exportCompleteness(@QueryParam("year") String year, @QueryParam("kind") String kind,
            @QueryParam("period") String period, @QueryParam("teamId") UUID teamId,
            @QueryParam("status") String status, @HeaderParam("Accept") String accept) {
        UploadCompleteness.Filter filter = completenessFilter(year, kind, period, teamId, status);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "材料报送完整性",
                CompletenessExport.COLUMNS, () -> completeness.all(who, filter));
    }

    private UploadCompleteness.Filter completenessFilter(String year, String kind, String period, UUID teamId,
            String status) {
        return new UploadCompleteness.Filter(year(year), QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind),
                UploadCompleteness.period(period), teamId,
                QueryParams.enumValue(UploadDtos.CompletenessStatus.class, "status", status));
    }

    private int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return LocalDate.now(clock.withZone(SlaClock.BEIJING)).getYear();
        }
        String s = raw.strip();
        if (s.length() != 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(s) < FIRST_YEAR || Integer.parseInt(s) > LAST_YEAR) {
            throw ProblemException.invalid("year", Text.of("upload.year", FIRST_YEAR, LAST_YEAR));
        }
        return Integer.parseInt(s);
    }

    @GET
    @Path("/uploads/overdue")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listOverdueUploads", summary = "List overdue uploads",
            description = "For a reporting period, every active team's upload of each scheduled kind that is past its "
                    + "due date and has not come.")
    public List<OverdueView> overdue(
            @Parameter(description = "The reporting period (required), e.g. 2026-Q3, 2026-H1 or 2026.", required = true)
            @QueryParam("period") String period) {
        if (period == null || period.isBlank()) {
            throw ProblemException.invalid("period", Text.of("upload.period.required"));
        }
        return service.overdue(period);
    }

    /** What the team stores against its storage quota ({@code kczg.uploads.team-quota}). */
    @GET
    @Path("/uploads/usage")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getUploadStorageUsage", summary = "Read a team's storage usage",
            description = "How many files a team stores and their bytes against its storage quota "
                    + "(kczg.uploads.team-quota); every version of every upload counts.")
    @APIResponse(responseCode = "200", description = "The team's files and bytes against its quota.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    public UsageView usage(
            @Parameter(description = "The team (required).", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("teamId") String teamId) {
        UUID team;
        try {
            team = UUID.fromString(teamId == null ? "" : teamId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("teamId", Text.of("upload.team-id"));
        }
        return service.usage(caller.get(), team).orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", team)));
    }

    /** The file as it was uploaded, streamed from storage a chunk at a time. */
    @GET
    @Path("/uploads/{id}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The file's bytes, as uploaded (X-Content-SHA256 says their hash).",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "downloadUploadFile", summary = "Download an uploaded file",
            description = "The file's bytes as they were uploaded, streamed from storage, with its own media type, "
                    + "Content-Disposition (the original file name), X-Content-Type-Options: nosniff and "
                    + "X-Content-SHA256.")
    @APIResponse(responseCode = "404", description = "No such upload (or not yours), or its file is gone.")
    public Response download(@Parameter(description = "The upload's id.") @PathParam("id") UUID id) {
        Upload upload = service.find(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("upload.not-found", id)));
        long size = service.fileSize(upload).orElseThrow(() -> ProblemException.notFound(Text.of("upload.file.gone")));
        return FileDownload.of(out -> service.copyFile(upload, out), upload.contentType, size, upload.fileName,
                upload.sha256);
    }
}
