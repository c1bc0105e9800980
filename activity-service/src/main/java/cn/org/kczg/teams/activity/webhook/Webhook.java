package cn.org.kczg.teams.activity.webhook;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner's callback URL and the event types of its own tickets it wants there. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String partner;
    @Column(nullable = false)
    public String url;
    /** Exact ticket event types or {@code ticket.*}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> eventTypes;
    @Column(nullable = false)
    public String secret;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;

    public boolean wants(String eventType) {
        return eventTypes.contains(TicketEventTypes.ALL) || eventTypes.contains(eventType);
    }
}
