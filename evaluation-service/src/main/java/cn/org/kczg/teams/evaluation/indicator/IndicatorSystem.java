package cn.org.kczg.teams.evaluation.indicator;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 18: a year's indicator system, one version of it; a draft until published, then never changed. */
@Entity
@Table(name = "indicator_system")
public class IndicatorSystem extends PanacheEntityBase {
    @Schema(name = "IndicatorSystemStatus", description = "An indicator system version: DRAFT while the operator "
            + "edits it, PUBLISHED (then never changed) once the assessment may use it.")
    public enum Status {
        DRAFT, PUBLISHED
    }

    @Id
    public UUID id;
    public int year;
    public int version;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public boolean isDefault;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Indicator> indicators;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Penalty> penalties;
    public BigDecimal excellentMin;
    public BigDecimal goodMin;
    public BigDecimal passMin;
    public int feeViolationVeto;
    @PersonalData(kind = ACCOUNT_ID)
    public String createdBy;
    public Instant createdAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String publishedBy;
    public Instant publishedAt;
    @Version
    public long rowVersion;

    /** The system a year's assessment uses: its latest published version. */
    public static Optional<IndicatorSystem> effective(int year) {
        return find("year = ?1 and status = ?2 order by version desc", year, Status.PUBLISHED).firstResultOptional();
    }

    public GradeBands gradeBands() {
        return new GradeBands(excellentMin, goodMin, passMin);
    }
}
