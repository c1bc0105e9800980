package cn.org.kczg.teams.registration.application;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.AFFILIATION;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.platform.privacy.PersonalData;
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

/** A lead unit's application to form a team, from draft to decision. */
@Entity
@Table(name = "team_application")
public class TeamApplication extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public String leadUnitName;
    public String leadUnitCategory;
    /** Canonical Art. 4 name, once given. */
    public String name;
    public String serviceContent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;
    /** The registration window's year, set at first submission. */
    public Integer year;
    /** The handler's phone and e-mail sealed inside the JSON ({@link HandlerCiphers}). */
    @PersonalData(kind = {NAME, AFFILIATION, PHONE, EMAIL, ACCOUNT_ID})
    @Convert(converter = HandlerCiphers.Content.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ApplicationContent content;
    public int submissionCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> decisionReasons;
    public UUID teamId;
    @PersonalData(kind = ACCOUNT_ID)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
    public Instant submittedAt;
    public Instant decidedAt;
    @Version
    public long version;

    /** Moves to {@code target} or explains, as a 409, why it cannot. */
    public void moveTo(ApplicationStatus target, Instant when) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.conflict("illegal-transition", Text.of("application.illegal-transition", status,
                    target, status.next().isEmpty() ? Text.of("transition.none") : status.next()));
        }
        status = target;
        updatedAt = when;
    }

    public void requireEditable() {
        if (!status.editable()) {
            throw ProblemException.conflict("not-editable", Text.of("application.not-editable", status));
        }
    }
}
