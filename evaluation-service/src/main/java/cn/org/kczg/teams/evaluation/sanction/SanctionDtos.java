package cn.org.kczg.teams.evaluation.sanction;

import cn.org.kczg.teams.evaluation.team.TeamCopy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of sanctions' API. */
public final class SanctionDtos {
    private SanctionDtos() {
    }

    @Schema(name = "SeriousProblem", description = "The operator's record of a serious scientific, political or legal "
            + "problem of a team (Art. 20): the team is disqualified and its lead unit banned for three years.")
    public record SeriousProblem(
            @Schema(description = "The service team with the problem.", required = true) @NotNull UUID teamId,
            @Schema(description = "The kind of serious problem.", required = true)
            @NotNull Sanction.ReasonClass reasonClass,
            @Schema(description = "What happened and how it was established, 10 to 2000 characters.", required = true,
                    minLength = 10, maxLength = 2000, example = "团队成员学术不端，经调查属实")
            @NotBlank @Size(min = 10, max = 2000) String note) {
    }

    @Schema(name = "SanctionView", description = "A sanction (处分) for a serious problem (Art. 20): the team "
            + "disqualified, its lead unit banned from applying until the given date.")
    public record SanctionView(
            @Schema(description = "The sanction's id.", required = true) UUID id,
            @Schema(description = "The sanctioned service team.", required = true) UUID teamId,
            @Schema(description = "The team's name.", example = "“科创中国”智能制造产业科技服务团") String teamName,
            @Schema(description = "Unified social credit code of the banned lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "The kind of serious problem.", required = true) Sanction.ReasonClass reasonClass,
            @Schema(description = "What happened.", required = true, example = "团队成员学术不端，经调查属实") String note,
            @Schema(description = "First day of the ban (Beijing time).", required = true) LocalDate since,
            @Schema(description = "The ban ends on this day, three years after it began.", required = true)
            LocalDate until,
            @Schema(description = "Who recorded the sanction.", required = true) String decidedBy,
            @Schema(description = "When it was recorded.", required = true) Instant decidedAt,
            @Schema(description = "When an upheld appeal reversed the disqualification; absent while it holds.")
            Instant disqualificationReversedAt,
            @Schema(description = "When the ban was lifted (an upheld appeal, or an operator in review-service); "
                    + "absent while it holds.") Instant banLiftedAt) {
        public static SanctionView of(Sanction s) {
            String teamName = TeamCopy.<TeamCopy>findByIdOptional(s.teamId).map(t -> t.name).orElse(null);
            return new SanctionView(s.id, s.teamId, teamName, s.leadUnitCreditCode, s.reasonClass, s.note, s.since,
                    s.until, s.decidedBy, s.decidedAt, s.disqualificationReversedAt, s.banLiftedAt);
        }
    }
}
