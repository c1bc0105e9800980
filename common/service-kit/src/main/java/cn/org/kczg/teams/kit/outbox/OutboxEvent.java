package cn.org.kczg.teams.kit.outbox;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.SERVICE_RECORD;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it reports, waiting to be published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public UUID eventId;
    @Column(nullable = false)
    public String topic;
    @Column(nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String aggregateId;
    /** The whole envelope as JSON text, exactly as it goes on the wire. */
    @PersonalData(kind = {NAME, PHONE, EMAIL, ACCOUNT_ID, SERVICE_RECORD})
    @Column(nullable = false)
    public String envelope;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant sentAt;
    /**
     * The W3C traceparent of the span that appended the event (the request, or the consumer applying another
     * event), or null outside a span: the relay continues that trace when it sends the event, long after.
     */
    public String traceparent;
}
