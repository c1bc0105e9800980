package cn.org.kczg.teams.evaluation.sanction;

import cn.org.kczg.teams.evaluation.team.TeamCopy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The request and response records of sanctions' API. */
public final class SanctionDtos {
    private SanctionDtos() {
    }

    public record SeriousProblem(@NotNull UUID teamId, @NotNull Sanction.ReasonClass reasonClass,
            @NotBlank @Size(min = 10, max = 2000) String note) {
    }

    public record SanctionView(UUID id, UUID teamId, String teamName, String leadUnitCreditCode,
            Sanction.ReasonClass reasonClass, String note, LocalDate since, LocalDate until, String decidedBy,
            Instant decidedAt) {
        public static SanctionView of(Sanction s) {
            String teamName = TeamCopy.<TeamCopy>findByIdOptional(s.teamId).map(t -> t.name).orElse(null);
            return new SanctionView(s.id, s.teamId, teamName, s.leadUnitCreditCode, s.reasonClass, s.note, s.since,
                    s.until, s.decidedBy, s.decidedAt);
        }
    }
}
