package cn.org.kczg.teams.evaluation.appeal;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.evaluation.assessment.Grade;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of appeals' API. */
public final class AppealDtos {
    private AppealDtos() {
    }

    @Schema(name = "FileAppeal", description = "A lead unit's appeal (申诉) of its team's published grade "
            + "(`teamId` and `year`), or of a sanction's disqualification or ban (`sanctionId`), within the appeal "
            + "period after the decision.")
    public record FileAppeal(
            @Schema(description = "What is appealed.", required = true) @NotNull Appeal.Subject subject,
            @Schema(description = "GRADE: the team whose published grade is appealed.") UUID teamId,
            @Schema(description = "GRADE: the assessment year of the grade.", example = "2026", minimum = "2000",
                    maximum = "2199") @Min(2000) @Max(2199) Integer year,
            @Schema(description = "DISQUALIFICATION or BAN: the sanction whose effect is appealed.") UUID sanctionId,
            @Schema(description = "Why the decision is wrong, 20 to 2000 characters.", required = true, minLength = 20,
                    maxLength = 2000, example = "考核所依据的投诉已被撤销，扣分不应计入，请求复核本团队年度等级")
            @NotBlank @Size(min = 20, max = 2000) String reason,
            @Schema(description = "What supports the appeal: documents, links, witnesses; up to 4000 characters.",
                    maxLength = 4000, example = "投诉撤销通知书（编号 TS-2026-018）") @Size(max = 4000) String evidence) {
    }

    @Schema(name = "AppealOutcome", description = "The operator's decision: UPHELD reverses the effect, DISMISSED "
            + "leaves it.")
    public enum Outcome {
        UPHELD, DISMISSED
    }

    @Schema(name = "AppealDecision", description = "The operator's decision on an open appeal, with its reason; a "
            + "GRADE appeal upheld gives the corrected grade.")
    public record Decision(
            @Schema(description = "Upheld or dismissed.", required = true) @NotNull Outcome outcome,
            @Schema(description = "Why, 20 to 2000 characters; kept, shown to the lead unit and the auditors.",
                    required = true, minLength = 20, maxLength = 2000,
                    example = "经复核，该投诉已于考核前撤销，扣分有误，改判为合格")
            @NotBlank @Size(min = 20, max = 2000) String reason,
            @Schema(description = "GRADE upheld only (and then required): the corrected grade, not the current one.")
            Grade newGrade) {
    }

    @Schema(name = "AppealView", description = "An appeal (申诉) of a grade, a disqualification or a ban, and its "
            + "decision once made.")
    public record AppealView(
            @Schema(description = "The appeal's id.", required = true) UUID id,
            @Schema(description = "What is appealed.", required = true) Appeal.Subject subject,
            @Schema(description = "The team concerned.", required = true) UUID teamId,
            @Schema(description = "Unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "The grade's assessment year, or the year of the sanction.", required = true,
                    example = "2026") int year,
            @Schema(description = "DISQUALIFICATION or BAN: the sanction appealed.") UUID sanctionId,
            @Schema(description = "Why the lead unit appeals.", required = true) String reason,
            @Schema(description = "What supports the appeal.") String evidence,
            @Schema(description = "Open, upheld or dismissed.", required = true) Appeal.Status status,
            @Schema(description = "Who filed the appeal (the lead unit, or an operator on its behalf).",
                    required = true) @PersonalData(kind = ACCOUNT_ID) String filedBy,
            @Schema(description = "When the appeal was filed.", required = true) Instant filedAt,
            @Schema(description = "GRADE: the grade when the appeal was decided; absent while open.") Grade gradeBefore,
            @Schema(description = "GRADE upheld: the corrected grade.") Grade newGrade,
            @Schema(description = "The operator's reason; absent while open.") String decisionReason,
            @Schema(description = "Who decided; absent while open.") @PersonalData(kind = ACCOUNT_ID) String decidedBy,
            @Schema(description = "When it was decided; absent while open.") Instant decidedAt) {
        static AppealView of(Appeal a) {
            return new AppealView(a.id, a.subject, a.teamId, a.leadUnitCreditCode, a.year, a.sanctionId, a.reason,
                    a.evidence, a.status, a.filedBy, a.filedAt, a.gradeBefore, a.newGrade, a.decisionReason,
                    a.decidedBy, a.decidedAt);
        }
    }
}
