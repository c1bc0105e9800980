package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** review-service's own copy of a lead unit, kept from {@code lead-unit.registered}. */
@Entity
@Table(name = "lead_unit")
public class LeadUnitCopy extends PanacheEntityBase {
    @Id
    public String creditCode;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadUnitCategory category;
    @Column(nullable = false)
    public Instant updatedAt;
}
