package cn.org.kczg.teams.evaluation.appeal;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.evaluation.assessment.Grade;
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

/** Issue 21: a lead unit's appeal of a published grade, a disqualification or a ban, and the operator's decision. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {
    @Schema(name = "AppealSubject", description = "What is appealed: GRADE (a published annual grade, Art. 20), "
            + "DISQUALIFICATION (a sanction's disqualification of the team) or BAN (a sanction's ban of the lead unit).")
    public enum Subject {
        GRADE, DISQUALIFICATION, BAN
    }

    @Schema(name = "AppealStatus", description = "OPEN until the operator decides; then UPHELD (the effect is "
            + "reversed) or DISMISSED.")
    public enum Status {
        OPEN, UPHELD, DISMISSED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Subject subject;
    @Column(nullable = false)
    public String subjectKey;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public int year;
    public UUID sanctionId;
    @Column(nullable = false)
    public String reason;
    public String evidence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String filedBy;
    @Column(nullable = false)
    public Instant filedAt;
    @Enumerated(EnumType.STRING)
    public Grade gradeBefore;
    @Enumerated(EnumType.STRING)
    public Grade newGrade;
    public String decisionReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant decidedAt;
    @Version
    public long rowVersion;
}
