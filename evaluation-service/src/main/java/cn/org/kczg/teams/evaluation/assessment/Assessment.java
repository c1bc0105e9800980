package cn.org.kczg.teams.evaluation.assessment;

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

/** A year's assessment: its results are the current run's, a draft until the operator publishes them. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {
    @Schema(name = "AssessmentStatus", description = "A year's assessment: DRAFT while runs and adjustments may "
            + "change it, PUBLISHED once final (Art. 20).")
    public enum Status {
        DRAFT, PUBLISHED
    }

    @Id
    public int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public UUID currentRunId;
    @PersonalData(kind = ACCOUNT_ID)
    public String publishedBy;
    public Instant publishedAt;
    @Version
    public long rowVersion;
}
