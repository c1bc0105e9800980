package cn.org.kczg.teams.activity.upload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 12: what teams upload how often, set by the operator per kind. */
@Entity
@Table(name = "upload_schedule")
public class UploadSchedule extends PanacheEntityBase {
    @Schema(name = "UploadKind", description = "What teams upload periodically (Art. 12): work progress (PROGRESS), "
            + "activity data (ACTIVITY_DATA) or think-tank reports (THINK_TANK_REPORT).")
    public enum Kind {
        PROGRESS, ACTIVITY_DATA, THINK_TANK_REPORT
    }

    @Id
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportingPeriod.Length period;
    /** Day of the month after the period's end by which the upload is due. */
    @Column(nullable = false)
    public int dueDay;
}
