package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.ticket.TicketDtos.Answer;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Assign;
import cn.org.kczg.teams.activity.ticket.TicketDtos.AttachmentView;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Matches;
import cn.org.kczg.teams.activity.ticket.TicketDtos.MessageView;
import cn.org.kczg.teams.activity.ticket.TicketDtos.PostMessage;
import cn.org.kczg.teams.activity.ticket.TicketDtos.PushTicket;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Rating;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Settings;
import cn.org.kczg.teams.activity.ticket.TicketDtos.TicketView;
import cn.org.kczg.teams.activity.ticket.TicketService.Pushed;
import cn.org.kczg.teams.activity.ticket.TicketService.TicketFilter;
import cn.org.kczg.teams.activity.upload.FileDownload;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.export.ExportNegotiation;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demand hall", description = "Art. 12: the demand hall (需求大厅). Partner systems push enterprises' "
        + "technical demands as tickets; the operator (or auto-assignment) matches them to an active service team, "
        + "whose designated handler accepts, works on and answers them within the SLA (working days, holidays "
        + "skipped); the demand side then closes or reopens them.")
public class TicketResource {
    private static final Map<String, String> SORTABLE = Map.of("updatedAt", "updatedAt", "createdAt", "createdAt",
            "resolutionDue", "resolutionDue");

    @Inject
    TicketService service;
    @Inject
    TicketConversation conversation;
    @Inject
    TicketAttachments attachments;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;

    /** 201 for a new ticket; 200 with the first ticket for a repeated push (same externalId or Idempotency-Key). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "pushTicket", summary = "Push a demand ticket",
            description = "A partner system (or the operator) pushes an enterprise's technical demand into the demand "
                    + "hall (Art. 12) as a NEW ticket. Intake is idempotent: a repeated push with the same externalId "
                    + "or Idempotency-Key answers 200 with the first ticket; with auto-assignment on, the "
                    + "best-matching active team is assigned at once.")
    @APIResponse(responseCode = "201", description = "A new ticket; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The ticket pushed before with this externalId or Idempotency-Key.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    @PersonalDataRead(type = "ticket")
    public Response push(@NotNull @Valid PushTicket request,
            @Parameter(description = "Optional key of this push: a repeated push with the same key answers the "
                    + "first ticket (200) instead of creating another.") @HeaderParam("Idempotency-Key") String key) {
        Pushed pushed = service.push(caller.get(), request, key);
        if (!pushed.created()) {
            return Response.ok(pushed.ticket()).build();
        }
        return Created.at("/api/v1/tickets/" + pushed.ticket().id().toString(), pushed.ticket());
    }

    /** With {@code updatedSince} the list runs oldest change first, so a partner can poll for changes. */
    @GET
    @PersonalDataRead(type = "ticket")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR, Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "listTickets", summary = "List demand tickets",
            description = "Lists the tickets the caller may see (a partner its own, a team's handler and lead unit "
                    + "the team's, operators and auditors all), newest change first. With updatedSince the list runs "
                    + "oldest change first, so a partner can poll for changes. Operators and auditors may ask for the "
                    + "whole list as a file with `Accept: text/csv` or `Accept: " + TableFormat.XLSX_TYPE + "` (the "
                    + "same filters, Chinese headers, newest first; paging and sorting do not apply).")
    public Page<TicketView> list(
            @Parameter(description = "Only tickets in this status.",
                    schema = @Schema(implementation = TicketStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "true: only open tickets past their first-response or resolution due time.")
            @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "Only tickets assigned to this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only tickets changed after this instant (ISO-8601, e.g. 2026-11-27T08:00:00Z); "
                    + "the list then runs oldest change first.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Text found in the project name, industry field or region.")
            @QueryParam("q") String q,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: updatedAt, createdAt or resolutionDue (default "
                    + "updatedAt,desc).")
            @QueryParam("sort") String sort,
            @Parameter(description = Listing.CURSOR_PARAMETER) @QueryParam("cursor") String cursor,
            @Parameter(description = Listing.COUNT_PARAMETER, schema = @Schema(enumeration = {"exact", "estimate"}))
            @QueryParam("count") String count) {
        TicketFilter filter = filter(status, overdue, teamId, updatedSince, q);
        return service.list(caller.get(), filter, PageRequest.of(page, size, sort, cursor, count, SORTABLE,
                filter.updatedSince() != null ? "updatedAt,asc" : "updatedAt,desc"));
    }

    /**
     * {@code GET /api/v1/tickets} with {@code Accept: text/csv} or XLSX ({@link ExportNegotiation}): every ticket the
     * list's filters match, newest first, for operators and auditors; the demand side's contact is not in it.
     */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("teamId") UUID teamId, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("q") String q, @HeaderParam("Accept") String accept) {
        TicketFilter filter = filter(status, overdue, teamId, updatedSince, q);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "需求工单", TicketExport.COLUMNS,
                () -> service.all(who, filter, Sort.by("createdAt").descending().and("id")));
    }

    private static TicketFilter filter(String status, Boolean overdue, UUID teamId, String updatedSince, String q) {
        Instant since = null;
        if (updatedSince != null && !updatedSince.isBlank()) {
            try {
                since = Instant.parse(updatedSince.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("updatedSince", Text.of("ticket.updated-since"));
            }
        }
        return new TicketFilter(QueryParams.enumValue(TicketStatus.class, "status", status), overdue, teamId, since, q);
    }

    @GET
    @PersonalDataRead(type = "ticket")
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR, Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "getTicket", summary = "Read a demand ticket",
            description = "One ticket with its SLA due times, overdue flags, answer and its full history of steps.")
    @APIResponse(responseCode = "200", description = "The ticket with its history.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    public TicketView get(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listTicketMatches", summary = "Rank active teams for a ticket",
            description = "Art. 12 supply–demand matching: every active team scored 0–100, best first, from four "
                    + "parts a person can check — category overlap (40), region vs pilot cities (30, or 15 for other "
                    + "regions), industry field vs key fields (20) and keywords in the service content (10).")
    @APIResponse(responseCode = "200", description = "The active teams, best match first.")
    @APIResponse(responseCode = "404", description = "No such ticket.")
    public Matches matches(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id) {
        return new Matches(service.matches(caller.get(), id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "assignTicket", summary = "Assign a ticket to a team",
            description = "The operator assigns a NEW ticket, or reassigns an open one (a reason is then required), to "
                    + "an active team; the ticket becomes ASSIGNED and its first-response and resolution due times "
                    + "start, counted in working days.")
    @APIResponse(responseCode = "200", description = "The ticket, now ASSIGNED to the team.")
    @APIResponse(responseCode = "404", description = "No such ticket, or no such team.")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-active` when the team is suspended, revoked "
            + "or disqualified; `illegal-transition` when the ticket is RESOLVED or CLOSED.")
    @PersonalDataRead(type = "ticket")
    public TicketView assign(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid Assign body) {
        return service.assign(caller.get(), id, body.teamId(), body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "acceptTicket", summary = "Accept an assigned ticket",
            description = "The assigned team's designated handler, a deputy or its lead unit (Art. 12) accepts the "
                    + "ticket: ASSIGNED becomes ACCEPTED and the first response is given.")
    @APIResponse(responseCode = "200", description = "The ticket, now ACCEPTED.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not ASSIGNED; "
            + "`team-not-active` when the team is no longer active.")
    @PersonalDataRead(type = "ticket")
    public TicketView accept(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id) {
        return service.accept(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "declineTicket", summary = "Decline an assigned ticket",
            description = "The assigned team hands the ticket back with a reason: it returns to NEW in the demand hall "
                    + "for the operator to assign again. A team that is no longer active may still decline.")
    @APIResponse(responseCode = "200", description = "The ticket, back to NEW.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not ASSIGNED.")
    @PersonalDataRead(type = "ticket")
    public TicketView decline(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.decline(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "requestTicketInformation", summary = "Ask the demand side for information",
            description = "The team asks the demand side a question (the reason): the ticket becomes "
                    + "WAITING_ON_DEMAND and its SLA clock stops until it is resumed.")
    @APIResponse(responseCode = "200", description = "The ticket, now WAITING_ON_DEMAND.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not being "
            + "worked on (ACCEPTED, IN_PROGRESS or REOPENED); `team-not-active` when the team is no longer active.")
    @PersonalDataRead(type = "ticket")
    public TicketView requestInfo(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.requestInfo(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "resumeTicket", summary = "Resume work on a ticket",
            description = "The demand side has answered (told by the team, the partner or the operator): the ticket "
                    + "becomes IN_PROGRESS and, coming from WAITING_ON_DEMAND, its due times move on by the time it "
                    + "waited. The body with a note is optional.")
    @APIResponse(responseCode = "200", description = "The ticket, now IN_PROGRESS.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket cannot move to "
            + "IN_PROGRESS from its status.")
    @PersonalDataRead(type = "ticket")
    public TicketView resume(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @Valid Reason body) {
        return service.resume(caller.get(), id, body == null ? null : body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "answerTicket", summary = "Answer a ticket",
            description = "The assigned team gives its answer to the demand, with optional https links: the ticket "
                    + "becomes ANSWERED and waits for the team to resolve it.")
    @APIResponse(responseCode = "200", description = "The ticket, now ANSWERED.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not being "
            + "worked on; `team-not-active` when the team is no longer active.")
    @PersonalDataRead(type = "ticket")
    public TicketView answer(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid Answer body) {
        return service.answer(caller.get(), id, body).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    @Operation(operationId = "resolveTicket", summary = "Mark a ticket resolved",
            description = "The assigned team marks an ANSWERED ticket RESOLVED; the demand side then closes or "
                    + "reopens it.")
    @APIResponse(responseCode = "200", description = "The ticket, now RESOLVED.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not ANSWERED; "
            + "`team-not-active` when the team is no longer active.")
    @PersonalDataRead(type = "ticket")
    public TicketView resolve(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id) {
        return service.resolve(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "closeTicket", summary = "Close a resolved ticket",
            description = "The partner that pushed the ticket (or the operator) confirms the resolution: RESOLVED "
                    + "becomes CLOSED, which is final.")
    @APIResponse(responseCode = "200", description = "The ticket, now CLOSED.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not RESOLVED.")
    @PersonalDataRead(type = "ticket")
    public TicketView close(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id) {
        return service.close(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "postTicketMessage", summary = "Write in a ticket's conversation",
            description = "The assigned team (its designated handler, a deputy or its lead unit), the demand side "
                    + "(the partner that pushed the ticket) or the operator writes; `internal: true` is for the team "
                    + "and staff only and never shown to the partner, who cannot write one. `attachments` names up to "
                    + TicketAttachments.PER_MESSAGE + " files the writer's side uploaded to the ticket first (POST "
                    + "…/attachments); each goes with one message only. Not on a CLOSED or WITHDRAWN ticket. Told as "
                    + "`ticket.message-posted` (without the text).")
    @APIResponse(responseCode = "201", description = "Written; Location names the conversation.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "`internal` from the partner, a missing or too long text, or "
            + "`attachments` naming an id twice, more than " + TicketAttachments.PER_MESSAGE + " ids, or an attachment "
            + "that is not one the writer's side uploaded to this ticket.")
    @APIResponse(responseCode = "403", description = "Someone who may see the ticket but is no party to it (e.g. "
            + "a colleague of the team who is not its handler).")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `ticket-ended` on a CLOSED or WITHDRAWN ticket; "
            + "`attachment-linked` when an attachment already goes with another message.")
    public Response postMessage(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid PostMessage body) {
        MessageView written = conversation.post(caller.get(), id, body.text(), Boolean.TRUE.equals(body.internal()),
                body.attachments()).orElseThrow(() -> notFound(id));
        return Created.at("/api/v1/tickets/" + id + "/messages", written);
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listTicketMessages", summary = "Read a ticket's conversation",
            description = "The messages, oldest first, with their attachments' details, for whoever may see the "
                    + "ticket; the partner does not see internal ones.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    public Page<MessageView> messages(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        return conversation.list(caller.get(), id, PageRequest.of(page, size, null, Map.of("at", "at"), "at,asc"))
                .orElseThrow(() -> notFound(id));
    }

    /** multipart/form-data with one {@code file} part, written to a temporary file as it arrives. */
    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "uploadTicketAttachment", summary = "Upload a file for a ticket's conversation",
            description = "Whoever may write in the ticket's conversation uploads one file (multipart/form-data, part "
                    + "`file`): PDF, DOCX, XLSX, ZIP, PNG or JPEG judged by its content and agreeing with its name, "
                    + "at most kczg.tickets.attachment-max-bytes (10 MB unless configured). It then goes with the "
                    + "next message its side writes (`attachments` of POST …/messages); until then only that side "
                    + "sees it, and one no message took is removed after a day. Not on a CLOSED or WITHDRAWN ticket.")
    @RequestBody(required = true, description = "The file as multipart/form-data.", content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(requiredProperties = {"file"})))
    @APIResponse(responseCode = "201", description = "Kept; Location names where its bytes are read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "`file` missing, empty, of a type not accepted, of another "
            + "type than its name says, or with a bad name; a ZIP package beyond the inspection bounds.")
    @APIResponse(responseCode = "403", description = "Someone who may see the ticket but is no party to it.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `ticket-ended` on a CLOSED or WITHDRAWN ticket.")
    @APIResponse(responseCode = "413", description = "Too large: `file-too-large` when the file is above "
            + "kczg.tickets.attachment-max-bytes (`payload-too-large` when the whole request is).")
    public Response uploadAttachment(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @Parameter(description = "The file.", required = true)
            @Schema(description = "The file: PDF, DOCX, XLSX, ZIP, PNG or JPEG.", required = true,
                    type = SchemaType.STRING, format = "binary")
            @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", Text.of("upload.file.missing"));
        }
        AttachmentView added = attachments.add(caller.get(), id, file.fileName(), file.uploadedFile())
                .orElseThrow(() -> notFound(id));
        return Created.at("/api/v1/tickets/" + id + "/attachments/" + added.id(), added);
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "downloadTicketAttachment", summary = "Download a ticket attachment",
            description = "The file's bytes as uploaded, for exactly those who see its message (the partner never an "
                    + "internal message's; before it goes with a message, only the uploader's side), with the media "
                    + "type judged from its content, Content-Disposition: attachment (the original name, UTF-8), "
                    + "X-Content-Type-Options: nosniff and X-Content-SHA256.")
    @APIResponse(responseCode = "200", description = "The file's bytes.", content = @Content(
            mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such ticket or attachment (or not yours to see).")
    public Response downloadAttachment(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @Parameter(description = "The attachment's id.") @PathParam("attachmentId") UUID attachmentId) {
        TicketAttachment a = attachments.visible(caller.get(), id, attachmentId).orElseThrow(() ->
                ProblemException.notFound(Text.of("ticket.attachment-not-found", attachmentId)));
        long size = attachments.fileSize(a).orElseThrow(() -> ProblemException.notFound(Text.of("upload.file.gone")));
        return FileDownload.of(out -> attachments.copyFile(a, out), a.contentType, size, a.fileName, a.sha256);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "withdrawTicket", summary = "Withdraw a ticket nobody has accepted",
            description = "The partner that pushed the ticket (or the operator) takes the demand back while it is NEW "
                    + "or ASSIGNED: it becomes WITHDRAWN, which is final; a team it was assigned to is told by "
                    + "`ticket.withdrawn`. A reason is optional.")
    @APIResponse(responseCode = "200", description = "The ticket, now WITHDRAWN.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` once a team accepted the ticket.")
    @PersonalDataRead(type = "ticket")
    public TicketView withdraw(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @Valid Reason body) {
        return service.withdraw(caller.get(), id, body == null ? null : body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "rateTicket", summary = "Rate a resolved ticket",
            description = "The partner that pushed the ticket says, once, how well the demand was served: a score of "
                    + "1–5 and an optional comment, once the ticket is RESOLVED or CLOSED. The score counts in the "
                    + "team's 实施效果 (Art. 18) as `tickets.satisfaction-rate`.")
    @APIResponse(responseCode = "200", description = "The ticket with its rating.")
    @APIResponse(responseCode = "403", description = "Not the partner that pushed the ticket.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-resolved` before the ticket is resolved, "
            + "`already-rated` for a second rating.")
    @PersonalDataRead(type = "ticket")
    public TicketView rate(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid Rating body) {
        return service.rate(caller.get(), id, body.score(), body.comment()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "reopenTicket", summary = "Reopen a resolved ticket",
            description = "The partner that pushed the ticket (or the operator) is not satisfied and says why: "
                    + "RESOLVED becomes REOPENED with a fresh resolution due time, and the same team works on it again.")
    @APIResponse(responseCode = "200", description = "The ticket, now REOPENED.")
    @APIResponse(responseCode = "404", description = "No such ticket (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the ticket is not RESOLVED.")
    @PersonalDataRead(type = "ticket")
    public TicketView reopen(@Parameter(description = "The ticket's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.reopen(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Transactional
    @Operation(operationId = "getDemandHallSettings", summary = "Read the demand hall settings",
            description = "The operator's switches for the demand hall: whether new tickets are assigned "
                    + "automatically to the best-matching active team.")
    public Settings settings() {
        return new Settings(DemandHallSettings.current().autoAssign);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    @Operation(operationId = "updateDemandHallSettings", summary = "Change the demand hall settings",
            description = "Switches automatic assignment of new tickets on or off; the change is kept in the audit "
                    + "trail.")
    public Settings changeSettings(@NotNull @Valid Settings body) {
        DemandHallSettings settings = DemandHallSettings.current();
        settings.autoAssign = body.autoAssign();
        settings.persist();
        audit.record(caller.get(), "demand-hall.settings", "demand-hall", "settings", "autoAssign=" + body.autoAssign());
        return new Settings(settings.autoAssign);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("ticket.not-found", id));
    }
}
