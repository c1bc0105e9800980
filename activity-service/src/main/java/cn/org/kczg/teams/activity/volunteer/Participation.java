package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.SERVICE_RECORD;

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

/** Art. 13: a volunteer's part in a team's activity, confirmed or rejected by the lead unit. */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {
    @Schema(name = "ParticipationStatus", description = "Where a volunteer's logged participation is: PENDING until "
            + "the team's lead unit confirms (CONFIRMED) or rejects it (REJECTED).")
    public enum Status {
        PENDING, CONFIRMED, REJECTED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Column(nullable = false)
    public UUID activityId;
    public int year;
    /** The activity's service category and city, copied (a report never changes) so statistics need no join. */
    @Column(nullable = false)
    public String activityCategory;
    public String activityCity;
    /** The volunteer's {@code sub}. */
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String volunteer;
    @PersonalData(kind = NAME)
    @Column(nullable = false)
    public String volunteerName;
    @PersonalData(kind = SERVICE_RECORD)
    @Column(nullable = false)
    public String role;
    @PersonalData(kind = SERVICE_RECORD)
    @Column(nullable = false)
    public BigDecimal hours;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String decisionReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant decidedAt;
    @Column(nullable = false)
    public Instant loggedAt;
    @Version
    public long version;
}
