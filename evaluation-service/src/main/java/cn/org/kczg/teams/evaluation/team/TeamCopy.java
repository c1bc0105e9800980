package cn.org.kczg.teams.evaluation.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * evaluation-service's copy of a team, kept from {@code registration.events}: who it belongs to and when it
 * was live, which decides whether a year's assessment scores it.
 */
@Entity
@Table(name = "team")
public class TeamCopy extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public String leadUnitName;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public Instant activatedAt;
    /** When the team was revoked or disqualified; null while it lives. */
    public Instant endedAt;
}
