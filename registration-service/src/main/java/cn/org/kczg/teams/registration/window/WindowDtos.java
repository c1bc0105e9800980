package cn.org.kczg.teams.registration.window;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WindowDtos {
    private WindowDtos() {
    }

    @Schema(name = "OpenRegistrationWindow", description = "Art. 3: a registration window (注册窗口) to open; windows "
            + "of one year must not overlap.")
    public record OpenWindow(
            @Schema(description = "The registration year the window belongs to.", required = true, minimum = "2021",
                    maximum = "2100", example = "2026")
            @NotNull @Min(2021) @Max(2100) Integer year,
            @Schema(description = "When it opens (an instant, e.g. 2026-03-01T00:00:00Z).", required = true)
            @NotNull Instant opensAt,
            @Schema(description = "When it closes; must be after opensAt.", required = true)
            @NotNull Instant closesAt,
            @Schema(description = "A note for lead units.", maxLength = 2000, example = "2026年度科技服务团申报")
            @Size(max = 2000) String note) {
    }

    @Schema(name = "RegistrationWindowView", description = "Art. 3: a registration window, in which lead units may "
            + "submit team applications.")
    public record WindowView(
            @Schema(description = "The window's id.", required = true) UUID id,
            @Schema(description = "The registration year.", required = true, example = "2026") int year,
            @Schema(description = "When it opens.", required = true) Instant opensAt,
            @Schema(description = "When it closes (the moment of an early close, if closed early).", required = true)
            Instant closesAt,
            @Schema(description = "The note for lead units.", example = "2026年度科技服务团申报") String note,
            @Schema(description = "Whether it is open now.", required = true) boolean open,
            @Schema(description = "When an operator closed it early, if so.") Instant closedEarlyAt) {
        static WindowView of(RegistrationWindow w, Instant now) {
            return new WindowView(w.id, w.year, w.opensAt, w.closesAt, w.note, w.isOpenAt(now), w.closedEarlyAt);
        }
    }
}
