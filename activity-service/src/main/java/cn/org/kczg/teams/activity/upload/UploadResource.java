package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.activity.upload.UploadDtos.NewUpload;
import cn.org.kczg.teams.activity.upload.UploadDtos.OverdueView;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleBody;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UploadView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UsageView;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Periodic uploads (Art. 12): work progress, activity data, think-tank reports. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periodic uploads (Art. 12)")
public class UploadResource {
    @Inject
    UploadService service;
    @Inject
    CurrentCaller caller;

    @PUT
    @Path("/upload-schedules/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ScheduleView setSchedule(@PathParam("kind") String kind, @NotNull @Valid ScheduleBody body) {
        return service.setSchedule(caller.get(), QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind), body);
    }

    @GET
    @Path("/upload-schedules")
    @Authenticated
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
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response upload(@RestForm("teamId") String teamId, @RestForm("kind") String kind,
            @RestForm("period") String period, @RestForm("title") String title, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "attach the file");
        }
        if (file.size() > UploadService.MAX_BYTES) {
            throw new ProblemException(413, "file-too-large", "Payload too large",
                    "file: at most 20 MB, got " + file.size() + " bytes", null);
        }
        UUID team;
        try {
            team = UUID.fromString(teamId == null ? "" : teamId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("teamId", "must be a team id");
        }
        UploadSchedule.Kind k = QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind);
        if (k == null) {
            throw ProblemException.invalid("kind", "is required: PROGRESS, ACTIVITY_DATA or THINK_TANK_REPORT");
        }
        // Quarkus wrote the part to a temporary file as it arrived (deleted when the request ends): read from there
        UploadView created = service.upload(caller.get(), new NewUpload(team, k, period, title, file.fileName(),
                file.contentType(), file.uploadedFile()));
        return Created.at("/api/v1/uploads/" + created.id(), created);
    }

    @GET
    @Path("/uploads/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public UploadView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).map(UploadView::of)
                .orElseThrow(() -> ProblemException.notFound("No upload " + id + "."));
    }

    @GET
    @Path("/uploads")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public Page<UploadView> list(@QueryParam("teamId") UUID teamId, @QueryParam("kind") String kind,
            @QueryParam("period") String period, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), teamId, QueryParams.enumValue(UploadSchedule.Kind.class, "kind", kind),
                period, PageRequest.of(page, size, sort, Map.of("uploadedAt", "uploadedAt"), "uploadedAt,desc"));
    }

    @GET
    @Path("/uploads/overdue")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<OverdueView> overdue(@QueryParam("period") String period) {
        if (period == null || period.isBlank()) {
            throw ProblemException.invalid("period", "name the period, e.g. 2026-Q3, 2026-H1 or 2026");
        }
        return service.overdue(period);
    }

    /** What the team stores against its storage quota ({@code kczg.uploads.team-quota}). */
    @GET
    @Path("/uploads/usage")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public UsageView usage(@QueryParam("teamId") String teamId) {
        UUID team;
        try {
            team = UUID.fromString(teamId == null ? "" : teamId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("teamId", "must be a team id");
        }
        return service.usage(caller.get(), team).orElseThrow(() -> ProblemException.notFound("No team " + team + "."));
    }

    /** The file as it was uploaded, streamed from storage a chunk at a time. */
    @GET
    @Path("/uploads/{id}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "The file's bytes, as uploaded (X-Content-SHA256 says their hash).",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id) {
        Upload upload = service.find(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound("No upload " + id + "."));
        long size = service.fileSize(upload).orElseThrow(() -> ProblemException.notFound("The file is gone."));
        StreamingOutput body = out -> service.copyFile(upload, out);
        return Response.ok(body, upload.contentType).header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder
                        .encode(upload.fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", upload.sha256).build();
    }
}
