package cn.org.kczg.teams.evaluation.sanction;

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

/** Art. 20: a serious scientific, political or legal problem of a team; its lead unit is banned for three years. */
@Entity
@Table(name = "sanction")
public class Sanction extends PanacheEntityBase {
    @Schema(name = "SanctionReasonClass", description = "Art. 20: the kind of serious problem — SCIENTIFIC 科学性, "
            + "POLITICAL 政治性 or LEGAL 法律性.")
    public enum ReasonClass {
        SCIENTIFIC, POLITICAL, LEGAL
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReasonClass reasonClass;
    @Column(nullable = false)
    public String note;
    public LocalDate since;
    public LocalDate until;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant decidedAt;
    /** Issue 21: an upheld appeal gave the team back its qualification. */
    public Instant disqualificationReversedAt;
    /** Issue 21: the ban no longer holds — an upheld appeal here, or an operator's lifting in review-service. */
    public Instant banLiftedAt;
}
