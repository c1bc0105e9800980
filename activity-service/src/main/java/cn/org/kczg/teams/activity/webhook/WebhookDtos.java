package cn.org.kczg.teams.activity.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookDtos {
    private WebhookDtos() {
    }

    @Schema(name = "WebhookRegistration", description = "A callback URL for events of the partner's own tickets.")
    public record RegisterWebhook(
            @Schema(description = "Where deliveries are POSTed: an absolute https URL without user info, at most 2000 "
                    + "characters, whose host is (and resolves to) a public address.", required = true,
                    example = "https://partner.example.com/kczg/webhooks")
            @NotBlank @Size(max = CallbackAddress.MAX_LENGTH) String url,
            @Schema(description = "The ticket event types wanted (e.g. ticket.answered, ticket.message-posted, "
                    + "ticket.rated) or ticket.* for all of them; 1 to 20.", required = true,
                    example = "[\"ticket.answered\", \"ticket.closed\"]")
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> eventTypes) {
    }

    @Schema(name = "Webhook", description = "A partner's webhook. Each delivery is the event envelope as JSON, signed "
            + "as Standard Webhooks describe: headers webhook-id (the event id, the same on every retry), "
            + "webhook-timestamp (unix seconds of the attempt) and webhook-signature (v1,<base64 HMAC-SHA256 of "
            + "\"{id}.{timestamp}.{body}\"> keyed with the secret's bytes after whsec_). Deliveries may arrive out of "
            + "order (the envelope's occurredAt orders them) and, rarely, twice (the webhook-id tells).")
    public record WebhookView(
            @Schema(description = "The webhook's id.", required = true) UUID id,
            @Schema(description = "Where deliveries are POSTed.", required = true) String url,
            @Schema(description = "The event types delivered.", required = true) List<String> eventTypes,
            @Schema(description = "When it was registered.", required = true) Instant createdAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id, w.url, w.eventTypes, w.createdAt);
        }
    }

    @Schema(name = "WebhookCreated", description = "A webhook just registered, with its signing secret: shown only "
            + "in this answer, keep it.")
    public record CreatedWebhook(
            @Schema(description = "The webhook's id.", required = true) UUID id,
            @Schema(description = "Where deliveries are POSTed.", required = true) String url,
            @Schema(description = "The event types delivered.", required = true) List<String> eventTypes,
            @Schema(description = "When it was registered.", required = true) Instant createdAt,
            @Schema(description = "The signing secret, whsec_ and 32 random bytes in base64; never shown again.",
                    required = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
        static CreatedWebhook of(Webhook w) {
            return new CreatedWebhook(w.id, w.url, w.eventTypes, w.createdAt, w.secret);
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to a webhook.")
    public record DeliveryView(
            @Schema(description = "The delivery's id.", required = true) UUID id,
            @Schema(description = "The event's id: the webhook-id header of every attempt.", required = true)
            UUID eventId,
            @Schema(description = "The event's type.", required = true) String eventType,
            @Schema(description = "Where the delivery is.", required = true) WebhookDelivery.Status status,
            @Schema(description = "Attempts since it was created or last redelivered.", required = true) int attempts,
            @Schema(description = "The HTTP status the receiver answered last, if it answered.")
            Integer lastStatusCode,
            @Schema(description = "Why the last attempt failed, if it did.") String lastError,
            @Schema(description = "When it is tried next (PENDING only).") Instant nextAttemptAt,
            @Schema(description = "When the receiver took it.") Instant deliveredAt,
            @Schema(description = "When the event was taken for this webhook.", required = true) Instant createdAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastStatusCode, d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt, d.createdAt);
        }
    }
}
