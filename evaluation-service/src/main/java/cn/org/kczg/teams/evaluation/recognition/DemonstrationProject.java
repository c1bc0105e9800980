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

/** Art. 18: a team's work the operator marks as a demonstration project (示范项目) of a year. */
@Entity
@Table(name = "demonstration_project")
public class DemonstrationProject extends PanacheEntityBase {
    @Schema(name = "DemonstrationProjectStatus", description = "ACTIVE while the mark stands, REVOKED once the "
            + "operator took it back (with a reason); a revoked project no longer counts as a metric.")
    public enum Status {
        ACTIVE, REVOKED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public int year;
    @Column(nullable = false)
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String markedBy;
    @Column(nullable = false)
    public Instant markedAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String revokedBy;
    public Instant revokedAt;
    public String revocationReason;
    @Version
    public long rowVersion;
}
