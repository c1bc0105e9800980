package cn.org.kczg.teams.review.ban;

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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 20: a lead unit may not apply for three years from {@code since} (until is exclusive). */
@Entity
@Table(name = "ban")
public class Ban extends PanacheEntityBase {
    public static final int YEARS = 3;

    @Id
    public UUID id;
    @Column(nullable = false)
    public String creditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReasonClass reasonClass;
    @Column(nullable = false)
    public LocalDate since;
    @Column(nullable = false)
    public LocalDate until;
    public String note;
    @Column(nullable = false)
    public String source;
    @PersonalData(kind = ACCOUNT_ID)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
    /** Issue 21: once lifted the ban no longer holds, whatever its dates. */
    public Instant liftedAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String liftedBy;
    public String liftReason;

    @Schema(name = "BanReasonClass", description = "Art. 20: the kind of serious problem behind a ban: SCIENTIFIC "
            + "(科学性), POLITICAL (政治性) or LEGAL (法律性).")
    public enum ReasonClass {
        SCIENTIFIC, POLITICAL, LEGAL
    }

    public static LocalDate until(LocalDate since) {
        return since.plusYears(YEARS);
    }

    public boolean inForceOn(LocalDate day) {
        return liftedAt == null && !day.isBefore(since) && day.isBefore(until);
    }

    public static Optional<Ban> inForce(String creditCode, LocalDate day) {
        return find("creditCode = ?1 and since <= ?2 and until > ?2 and liftedAt is null order by until desc", creditCode, day)
                .firstResultOptional();
    }
}
