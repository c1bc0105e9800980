package cn.org.kczg.teams.registration.imports;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Issue 21: one import of lead units and teams (a dry run or the real one) and its figures. */
@Entity
@Table(name = "data_import")
public class DataImport extends PanacheEntityBase {
    /** A RUNNING import with no batch committed for this long was cut short (the instance running it stopped). */
    static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    @Id
    public UUID id;
    @Column(nullable = false)
    public boolean dryRun;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;
    public String fileName;
    @Column(nullable = false)
    public String fileFormat;
    @Column(nullable = false)
    public String fileSha256;
    @Column(nullable = false)
    public int rows;
    @Column(nullable = false)
    public int valid;
    @Column(nullable = false)
    public int problems;
    /** Created (a dry run: would be created). */
    public int leadUnitsCreated;
    public int teamsCreated;
    public int leadUnitsUnchanged;
    public int teamsUnchanged;
    public String failure;
    @PersonalData(kind = ACCOUNT_ID)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant progressAt;
    public Instant finishedAt;

    /** RUNNING in the table, but no batch for {@link #STALLED_AFTER}: the run stopped with its instance. */
    boolean stalled(Instant now) {
        Instant lastSign = progressAt == null ? createdAt : progressAt;
        return status == ImportStatus.RUNNING && lastSign.plus(STALLED_AFTER).isBefore(now);
    }
}
