package cn.org.kczg.teams.activity.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event to send to one webhook, with its attempts so far. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    @Schema(name = "WebhookDeliveryStatus", description = "PENDING until the receiver answers 2xx (DELIVERED); "
            + "retried with growing waits, and PARKED when it still fails 24 h after the first attempt. A redelivery "
            + "makes it PENDING again.")
    public enum Status {
        PENDING, DELIVERED, PARKED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID webhookId;
    @Column(nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String eventType;
    /** The envelope as it travelled on Kafka: the body sent. */
    @Column(nullable = false)
    public String envelope;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public int attempts;
    public Integer lastStatusCode;
    public String lastError;
    public Instant nextAttemptAt;
    /** The start of the retry window; cleared by a redelivery. */
    public Instant firstAttemptAt;
    public Instant deliveredAt;
    @Column(nullable = false)
    public Instant createdAt;
}
