package cn.org.kczg.teams.registration.team;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.AFFILIATION;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.HandlerCiphers;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A 科创中国 service team, born from an approved application. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID applicationId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public String leadUnitName;
    public String leadUnitCategory;
    public int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamStatus status;
    public String statusReason;
    public String serviceContent;
    /** Arrays, not JSON, so lists can filter on them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] pilotCities;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] otherRegions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] keyFields;
    @PersonalData(kind = {NAME, AFFILIATION})
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Member> members;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PartnerUnit> partnerUnits;
    /** Its phone and e-mail sealed inside the JSON ({@link HandlerCiphers}). */
    @PersonalData(kind = {NAME, PHONE, EMAIL, ACCOUNT_ID})
    @Convert(converter = HandlerCiphers.TeamHandler.class)
    @JdbcTypeCode(SqlTypes.JSON)
    public HandlerContact handler;
    @Column(nullable = false)
    public Instant activatedAt;
    public Instant statusChangedAt;
    /** Art. 20: the latest year the team was rated excellent and marked for stable support. */
    public Integer stableSupportYear;
    /** The status the team had when it was disqualified, given back if an appeal reverses it (issue 21). */
    @Enumerated(EnumType.STRING)
    public TeamStatus disqualifiedFrom;
    @Version
    public long version;

    public TeamStatus moveTo(TeamStatus target, String reason, Instant when) {
        if (!status.next().contains(target)) {
            throw ProblemException.conflict("illegal-transition", Text.of("team.illegal-transition", status, target,
                    status.next().isEmpty() ? Text.of("transition.none") : status.next()));
        }
        TeamStatus from = status;
        status = target;
        statusReason = reason;
        statusChangedAt = when;
        return from;
    }

    /** Issue 21: an upheld appeal gives a disqualified team back the status it had. */
    public TeamStatus reinstate(String reason, Instant when) {
        TeamStatus from = status;
        status = disqualifiedFrom == null ? TeamStatus.ACTIVE : disqualifiedFrom;
        disqualifiedFrom = null;
        statusReason = reason;
        statusChangedAt = when;
        return from;
    }
}
