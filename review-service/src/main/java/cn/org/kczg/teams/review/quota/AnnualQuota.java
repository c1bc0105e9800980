package cn.org.kczg.teams.review.quota;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Art. 8: the number of teams a lead unit of a category may lead, set by the operator for one year. */
@Entity
@Table(name = "annual_quota")
public class AnnualQuota extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadUnitCategory category;
    @Column(name = "quota_limit", nullable = false)
    public int limit;
    @PersonalData(kind = ACCOUNT_ID)
    public String setBy;
    @Column(nullable = false)
    public Instant setAt;

    public static Optional<Integer> of(int year, LeadUnitCategory category) {
        return find("year = ?1 and category = ?2", year, category).<AnnualQuota>firstResultOptional().map(q -> q.limit);
    }
}
