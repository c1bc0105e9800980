package cn.org.kczg.teams.kit.audit;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a service's append-only audit trail (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant occurredAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String actor;
    @Column(nullable = false)
    public String actorRole;
    @Column(nullable = false)
    public String action;
    @Column(nullable = false)
    public String aggregateType;
    @Column(nullable = false)
    public String aggregateId;
    public String reason;
    public String requestId;
}
