package cn.org.kczg.teams.review.review;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided.CheckOverride;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The qualification review of one application, across its resubmissions. */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public UUID applicationId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public String leadUnitName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadUnitCategory leadUnitCategory;
    public int year;
    public String applicationName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;
    @PersonalData(kind = ACCOUNT_ID)
    public String claimedBy;
    public Instant claimedAt;
    /** What ranks the queue (Art. 9): the panel's score once it has scored, else {@link #textPriority}. */
    public double priority;
    /** Art. 9 priority from the application's text ({@code PriorityScore}); {@link #priorityParts} are its parts. */
    public double textPriority;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> priorityParts;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CheckResult> checks;
    /** The reviewers; a claim or an assignment makes a panel of one, its chair {@link #claimedBy}. */
    @PersonalData(kind = ACCOUNT_ID)
    @JdbcTypeCode(SqlTypes.JSON)
    public Panel panel;
    /** Counts against the lead unit's quota (Art. 8) while under review. */
    public boolean holdsSlot;
    public int submissionCount;
    @Column(nullable = false)
    public Instant submittedAt;
    public Instant decidedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> decisionReasons;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CheckOverride> overrides;
    @Column(nullable = false)
    public Instant createdAt;
    @Version
    public long version;

    public static Optional<ReviewCase> forApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    /** Sets the queue's priority from the panel's scores when it has scored, else from the application's text. */
    public void rank() {
        priority = panel == null ? textPriority : panel.priority().orElse(textPriority);
    }

    public Optional<CheckResult> check(CheckName name) {
        return checks == null ? Optional.empty() : checks.stream().filter(c -> c.name() == name).findFirst();
    }
}
