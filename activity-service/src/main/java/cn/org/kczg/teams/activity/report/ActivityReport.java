package cn.org.kczg.teams.activity.report;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.activity.report.ReportDtos.Outcomes;
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
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An activity a team reports (Art. 10, 11), with the fees it declares (Art. 16). */
@Entity
@Table(name = "activity_report")
public class ActivityReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    public int year;
    @Column(nullable = false)
    public String category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityForm form;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public LocalDate startDate;
    @Column(nullable = false)
    public LocalDate endDate;
    public String city;
    public String park;
    public boolean online;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlaceKind placeKind;
    public int participants;
    public int enterprisesServed;
    @JdbcTypeCode(SqlTypes.JSON)
    public Outcomes outcomes;
    @Column(nullable = false)
    public BigDecimal feeAmount;
    public String feePayer;
    @PersonalData(kind = ACCOUNT_ID)
    public String reportedBy;
    @Column(nullable = false)
    public Instant reportedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status = ReportStatus.REPORTED;
    public Instant correctedAt;
    public Instant withdrawnAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String withdrawnBy;
    public String withdrawalReason;
    @Version
    public long version;
}
