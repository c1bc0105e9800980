package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.ticket.TicketDtos.Answer;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Assign;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Matches;
import cn.org.kczg.teams.activity.ticket.TicketDtos.PushTicket;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Settings;
import cn.org.kczg.teams.activity.ticket.TicketDtos.TicketView;
import cn.org.kczg.teams.activity.ticket.TicketService.Pushed;
import cn.org.kczg.teams.activity.ticket.TicketService.TicketFilter;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demand hall (Art. 12)")
public class TicketResource {
    private static final Map<String, String> SORTABLE = Map.of("updatedAt", "updatedAt", "createdAt", "createdAt",
            "resolutionDue", "resolutionDue");

    @Inject
    TicketService service;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;

    /** 201 for a new ticket; 200 with the first ticket for a repeated push (same externalId or Idempotency-Key). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    @APIResponse(responseCode = "201", description = "A new ticket; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The ticket pushed before with this externalId or Idempotency-Key.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Response push(@NotNull @Valid PushTicket request, @HeaderParam("Idempotency-Key") String key) {
        Pushed pushed = service.push(caller.get(), request, key);
        if (!pushed.created()) {
            return Response.ok(pushed.ticket()).build();
        }
        return Created.at("/api/v1/tickets/" + pushed.ticket().id().toString(), pushed.ticket());
    }

    /** With {@code updatedSince} the list runs oldest change first, so a partner can poll for changes. */
    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR, Roles.HANDLER, Roles.LEAD_UNIT})
    public Page<TicketView> list(@QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("teamId") UUID teamId, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        Instant since = null;
        if (updatedSince != null && !updatedSince.isBlank()) {
            try {
                since = Instant.parse(updatedSince.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("updatedSince", "must be an ISO-8601 instant like 2026-11-27T08:00:00Z");
            }
        }
        var filter = new TicketFilter(QueryParams.enumValue(TicketStatus.class, "status", status), overdue, teamId,
                since, q);
        return service.list(caller.get(), filter, PageRequest.of(page, size, sort, SORTABLE,
                since != null ? "updatedAt,asc" : "updatedAt,desc"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR, Roles.AUDITOR, Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Matches matches(@PathParam("id") UUID id) {
        return new Matches(service.matches(caller.get(), id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TicketView assign(@PathParam("id") UUID id, @NotNull @Valid Assign body) {
        return service.assign(caller.get(), id, body.teamId(), body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView accept(@PathParam("id") UUID id) {
        return service.accept(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView decline(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.decline(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView requestInfo(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.requestInfo(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT, Roles.PARTNER, Roles.OPERATOR})
    public TicketView resume(@PathParam("id") UUID id, @Valid Reason body) {
        return service.resume(caller.get(), id, body == null ? null : body.reason()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView answer(@PathParam("id") UUID id, @NotNull @Valid Answer body) {
        return service.answer(caller.get(), id, body).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.HANDLER, Roles.LEAD_UNIT})
    public TicketView resolve(@PathParam("id") UUID id) {
        return service.resolve(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    public TicketView close(@PathParam("id") UUID id) {
        return service.close(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.OPERATOR})
    public TicketView reopen(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.reopen(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Transactional
    public Settings settings() {
        return new Settings(DemandHallSettings.current().autoAssign);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    public Settings changeSettings(@NotNull @Valid Settings body) {
        DemandHallSettings settings = DemandHallSettings.current();
        settings.autoAssign = body.autoAssign();
        settings.persist();
        audit.record(caller.get(), "demand-hall.settings", "demand-hall", "settings", "autoAssign=" + body.autoAssign());
        return new Settings(settings.autoAssign);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No ticket " + id + ".");
    }
}
