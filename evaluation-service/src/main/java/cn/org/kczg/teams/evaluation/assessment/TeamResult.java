package cn.org.kczg.teams.evaluation.assessment;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A team's result in one run. Rows are written set-based by {@link AssessmentScoring}; this entity reads them
 * and carries the operator's grade adjustment ({@code grade} ≠ {@code computedGrade}, with the reason).
 */
@Entity
@Table(name = "team_result")
public class TeamResult extends PanacheEntityBase {
    @Id
    public Long id;
    public UUID runId;
    public UUID teamId;
    public String teamName;
    public String leadUnitCreditCode;
    public String leadUnitName;
    public BigDecimal organisation;
    public BigDecimal content;
    public BigDecimal effect;
    public BigDecimal baseScore;
    public BigDecimal penalty;
    public BigDecimal total;
    public int feeViolations;
    public boolean vetoed;
    @Enumerated(EnumType.STRING)
    public Grade computedGrade;
    @Enumerated(EnumType.STRING)
    public Grade grade;
    public String adjustmentReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String adjustedBy;
    public Instant adjustedAt;
    @Version
    public long rowVersion;
}
