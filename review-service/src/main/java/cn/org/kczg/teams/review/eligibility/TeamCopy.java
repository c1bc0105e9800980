package cn.org.kczg.teams.review.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** review-service's copy of a team's status, kept from registration's events, for quota counting. */
@Entity
@Table(name = "team")
public class TeamCopy extends PanacheEntityBase {
    @Id
    public UUID teamId;
    @Column(nullable = false)
    public UUID applicationId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Column(nullable = false)
    public String status;

    public boolean live() {
        return "ACTIVE".equals(status) || "SUSPENDED".equals(status);
    }
}
