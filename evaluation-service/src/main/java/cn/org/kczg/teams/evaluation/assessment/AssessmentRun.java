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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scoring of a year: RUNNING with progress, then DONE (its results become the draft) or FAILED. */
@Entity
@Table(name = "assessment_run")
public class AssessmentRun extends PanacheEntityBase {
    @Schema(name = "AssessmentRunState", description = "A run: RUNNING while it scores the teams slice by slice, DONE "
            + "when its results have become the draft, FAILED when it stopped (the previous draft stays).")
    public enum State {
        RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;
    public int year;
    @Column(nullable = false)
    public UUID systemId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    public int total;
    public int processed;
    @PersonalData(kind = ACCOUNT_ID)
    public String startedBy;
    public Instant startedAt;
    public Instant finishedAt;
    /** Set at start and by every slice: a RUNNING run without a recent heartbeat has lost its instance. */
    public Instant heartbeatAt;
    public String failure;
}
