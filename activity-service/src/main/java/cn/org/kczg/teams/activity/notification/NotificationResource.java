package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.activity.notification.NotificationDtos.MarkedRead;
import cn.org.kczg.teams.activity.notification.NotificationDtos.NotificationView;
import cn.org.kczg.teams.activity.notification.NotificationDtos.Preferences;
import cn.org.kczg.teams.activity.notification.NotificationDtos.Unread;
import cn.org.kczg.teams.activity.notification.NotificationDtos.UpdatePreferences;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everyone who works on the platform is told what concerns them; partner systems are told by webhooks. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER, Roles.VOLUNTEER})
@Tag(name = "Notifications", description = "Notices to the people concerned — a team's handlers of assigned and "
        + "overdue tickets, a lead unit of review decisions, uploads due and complaints, reviewers of cases given "
        + "to them, operators of fee violations — in the app, live on a stream, and by e-mail for the kinds each "
        + "person chooses. A notice goes to the claims that let a person see its object (team, lead unit, role, "
        + "person), never to anyone else, and once per event.")
public class NotificationResource {
    @Inject
    NotificationService service;
    @Inject
    NotificationStream stream;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listNotifications", summary = "List your notifications",
            description = "The caller's own notices, unread first, then newest first.")
    public Page<NotificationView> list(
            @Parameter(description = "true: only unread ones.") @QueryParam("unread") Boolean unread,
            @Parameter(description = "Only this kind.", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "ticket.assigned", "ticket.info-received", "ticket.message", "ticket.sla-warning", "ticket.overdue",
                    "application.decided", "application.changes-requested", "team.status-changed", "upload.due-soon",
                    "upload.overdue", "upload.accepted", "upload.returned", "complaint.received", "assessment.published", "review.case-assigned",
                    "fee-violation.flagged", "dead-letters.waiting"})) @QueryParam("kind") String kind,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        NoticeKind k = kind == null || kind.isBlank() ? null : NoticeKind.ofWire(kind.strip())
                .orElseThrow(() -> ProblemException.invalid("kind", Text.of("notification.unknown-kind", kind)));
        return service.list(caller.get(), Boolean.TRUE.equals(unread), k,
                PageRequest.of(page, size, null, Map.of("createdAt", "id"), "createdAt,desc"));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many of your notifications are unread",
            description = "For the badge on the bell: the caller's notices not yet marked read.")
    public Unread unread() {
        return new Unread(service.unread(caller.get()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "readNotification", summary = "Mark a notification read",
            description = "Marking it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The notification, read.")
    @APIResponse(responseCode = "404", description = "No such notification (or not yours).")
    public NotificationView read(@Parameter(description = "The notification's id.") @PathParam("id") long id) {
        return service.read(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("notification.not-found", id)));
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "readAllNotifications", summary = "Mark all your notifications read",
            description = "Every notice the caller has now is marked read for the caller (not for the rest of the "
                    + "team); answers how many were unread.")
    public MarkedRead readAll() {
        return new MarkedRead(service.readAll(caller.get()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamNotifications", summary = "Your notifications, live (Server-Sent Events)",
            description = "Each new notice as an event named by its kind, its id the notice's id, its data the "
                    + "notice as JSON; a comment line every few seconds keeps the connection open. After a "
                    + "reconnect, `Last-Event-ID` (or `?lastEventId=`) replays what came since (up to 200).")
    @APIResponse(responseCode = "200", description = "The stream; each event's data is a notification.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = NotificationView.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse,
            @Parameter(description = "The last notice id the client saw.") @HeaderParam("Last-Event-ID") String header,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers.")
            @QueryParam("lastEventId") String query) {
        String last = header != null && !header.isBlank() ? header : query;
        Long after = null;
        if (last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Last-Event-ID", Text.of("notification.last-event-id"));
            }
        }
        return stream.stream(caller.get(), after, sse);
    }

    @GET
    @Path("/preferences")
    @Operation(operationId = "getNotificationPreferences", summary = "How you are told, per kind",
            description = "Every kind of notice with its Chinese label and the channel the caller chose (IN_APP "
                    + "unless chosen otherwise), and the address e-mails go to.")
    public Preferences preferences() {
        return service.preferences(caller.get());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setNotificationPreferences", summary = "Choose how you are told",
            description = "Per kind: IN_APP only, or also EMAIL at once, or also once a day in a DIGEST. E-mail needs "
                    + "an address.")
    @APIResponse(responseCode = "200", description = "The preferences now.")
    public Preferences setPreferences(@NotNull @Valid UpdatePreferences body) {
        return service.updatePreferences(caller.get(), body);
    }
}
