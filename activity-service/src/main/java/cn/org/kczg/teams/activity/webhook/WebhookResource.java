package cn.org.kczg.teams.activity.webhook;

import cn.org.kczg.teams.activity.webhook.WebhookDtos.CreatedWebhook;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.DeliveryView;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.RegisterWebhook;
import cn.org.kczg.teams.activity.webhook.WebhookDtos.WebhookView;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "A partner system registers callback URLs and is sent the events of its own "
        + "demand tickets (ticket.answered, ticket.message-posted, …) as they happen, signed as Standard Webhooks "
        + "describe and retried with growing waits for 24 hours, instead of polling the ticket list.")
public class WebhookResource {
    @Inject
    WebhookService service;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Register a webhook",
            description = "The partner registers an https callback URL (its host must be, and resolve to, a public "
                    + "address) for event types of its own tickets. The answer carries the signing secret, shown "
                    + "only this once. At most 10 webhooks per partner.")
    @APIResponse(responseCode = "201", description = "The webhook with its signing secret; Location names where it "
            + "is read.", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CreatedWebhook.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Conflict: `webhook-limit` when the partner has as many webhooks "
            + "as it may.")
    public Response register(@NotNull @Valid RegisterWebhook body) {
        CreatedWebhook created = service.register(caller.get(), body);
        return Created.at("/api/v1/webhooks/" + created.id(), created);
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "listWebhooks", summary = "List your webhooks",
            description = "The partner's own webhooks, oldest first; the secrets are never shown again.")
    public Page<WebhookView> list(
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        return service.list(caller.get(), PageRequest.of(page, size, null, Map.of("createdAt", "createdAt"),
                "createdAt,asc"));
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook",
            description = "One of the partner's webhooks, without its secret.")
    @APIResponse(responseCode = "200", description = "The webhook.")
    @APIResponse(responseCode = "404", description = "No such webhook (or not yours).")
    public WebhookView get(@Parameter(description = "The webhook's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @RolesAllowed(Roles.PARTNER)
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Removes the webhook: nothing more is sent to it, pending deliveries included.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such webhook (or not yours).")
    public Response delete(@Parameter(description = "The webhook's id.") @PathParam("id") UUID id) {
        if (!service.delete(caller.get(), id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "What was sent (or is being sent) to the webhook, newest first, with the attempts so far, "
                    + "the receiver's last answer and when the next attempt is due.")
    @APIResponse(responseCode = "200", description = "The deliveries, newest first.")
    @APIResponse(responseCode = "404", description = "No such webhook (or not yours).")
    public Page<DeliveryView> deliveries(@Parameter(description = "The webhook's id.") @PathParam("id") UUID id,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size) {
        return service.deliveries(caller.get(), id, PageRequest.of(page, size, null, Map.of("createdAt", "createdAt"),
                "createdAt,desc")).orElseThrow(() -> notFound(id));
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Puts a delivery (a PARKED one too) back to PENDING, due now, with a new 24-hour retry "
                    + "window; the receiver gets the same webhook-id again.")
    @APIResponse(responseCode = "202", description = "The delivery, PENDING.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook or delivery (or not yours).")
    public Response redeliver(@Parameter(description = "The webhook's id.") @PathParam("id") UUID id,
            @Parameter(description = "The delivery's id.") @PathParam("deliveryId") UUID deliveryId) {
        DeliveryView pending = service.redeliver(caller.get(), id, deliveryId).orElseThrow(() ->
                ProblemException.notFound(Text.of("webhook.delivery-not-found", deliveryId)));
        return Response.accepted(pending).build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("webhook.not-found", id));
    }
}
