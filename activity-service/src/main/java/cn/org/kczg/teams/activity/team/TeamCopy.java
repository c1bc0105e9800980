package cn.org.kczg.teams.activity.team;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** activity-service's copy of a team, kept from registration's events: what matching and visibility need. */
@Entity
@Table(name = "team")
public class TeamCopy extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Column(nullable = false)
    public String status;
    public String serviceContent;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> categories;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> pilotCities;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> otherRegions;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> keyFields;
    public String distinctiveServices;
    public String experience;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> memberFields;
    /** Raised whenever the text matching reads changes: the in-memory index rebuilds the team's document. */
    public long profileVersion;
    @PersonalData(kind = ACCOUNT_ID)
    public String handlerUserId;
    @PersonalData(kind = NAME)
    public String handlerName;
    @PersonalData(kind = ACCOUNT_ID)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> handlerDeputies;

    /** Art. 12: the designated handler, or a deputy the lead unit named. */
    public boolean designates(String userId) {
        return userId != null && (userId.equals(handlerUserId)
                || (handlerDeputies != null && handlerDeputies.contains(userId)));
    }

    /** Raises the profile version of a team: its tickets or library entries changed what matching reads. */
    public static void profileChanged(UUID teamId) {
        if (teamId != null) {
            update("profileVersion = profileVersion + 1 where id = ?1", teamId);
        }
    }

    /** Suspended, revoked and disqualified teams are never matched or assigned. */
    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** A suspended, revoked or disqualified team creates nothing and acts on nothing: 409. */
    public TeamCopy requireActive() {
        if (!active()) {
            throw ProblemException.conflict("team-not-active", Text.of("team.not-active", status));
        }
        return this;
    }
}
