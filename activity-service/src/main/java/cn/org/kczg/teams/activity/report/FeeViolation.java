package cn.org.kczg.teams.activity.report;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 16: a fee declared in a report, kept for the operator's decision — never silently dropped. */
@Entity
@Table(name = "fee_violation")
public class FeeViolation extends PanacheEntityBase {
    @Schema(name = "FeeViolationStatus", description = "Where a fee violation is (Art. 16): FLAGGED until the operator "
            + "decides, then UPHELD or DISMISSED.")
    public enum Status {
        FLAGGED, UPHELD, DISMISSED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID activityId;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public int year;
    @Column(nullable = false)
    public BigDecimal amount;
    public String payer;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String outcomeReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant decidedAt;
    @Column(nullable = false)
    public Instant flaggedAt;
    @Version
    public long version;
}
