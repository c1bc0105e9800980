package cn.org.kczg.teams.evaluation.recognition;

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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 19: a lead unit whose teams' work stood out in a year, marked for an incentive (适当激励). */
@Entity
@Table(name = "incentive")
public class Incentive extends PanacheEntityBase {
    @Schema(name = "IncentiveKind", description = "What the incentive is: COMMENDATION 通报表扬, FUNDING 经费支持, "
            + "PRIORITY 优先推荐 (e.g. in the first-class society evaluation), OTHER 其他.")
    public enum Kind {
        COMMENDATION, FUNDING, PRIORITY, OTHER
    }

    @Schema(name = "IncentiveStatus", description = "MARKED while the lead unit is marked for the year, UNMARKED once "
            + "the operator took the mark back (with a reason).")
    public enum Status {
        MARKED, UNMARKED
    }

    @Id
    public UUID id;
    public int year;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public String leadUnitName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public int excellentTeams;
    public int assessedTeams;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String markedBy;
    @Column(nullable = false)
    public Instant markedAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String unmarkedBy;
    public Instant unmarkedAt;
    public String unmarkReason;
    @Version
    public long rowVersion;
}
