package cn.org.kczg.teams.activity.upload;

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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One file a team uploaded for a kind and period (a later upload for the same period adds a version). Staff accept or
 * return the latest version (Art. 12); a returned one awaits the next version, due by the same date.
 */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {
    @Schema(name = "UploadReviewStatus", description = "Where staff's review of one version of an upload is: "
            + "SUBMITTED (not reviewed yet), ACCEPTED, or RETURNED (the team uploads a new version).")
    public enum ReviewStatus {
        SUBMITTED, ACCEPTED, RETURNED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadSchedule.Kind kind;
    @Column(nullable = false)
    public String period;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public UUID fileId;
    @Column(nullable = false)
    public String fileName;
    @Column(nullable = false)
    public String contentType;
    public long size;
    @Column(nullable = false)
    public String sha256;
    public LocalDate dueDate;
    public boolean onTime;
    @PersonalData(kind = ACCOUNT_ID)
    public String uploadedBy;
    @Column(nullable = false)
    public Instant uploadedAt;
    /** 1 for the first upload of the team, kind and period, then 2, 3, … */
    @Column(nullable = false)
    public int version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus reviewStatus = ReviewStatus.SUBMITTED;
    public String reviewComment;
    @PersonalData(kind = ACCOUNT_ID)
    public String reviewedBy;
    public Instant reviewedAt;
}
