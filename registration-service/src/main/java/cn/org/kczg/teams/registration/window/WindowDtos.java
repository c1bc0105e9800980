package cn.org.kczg.teams.registration.window;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public final class WindowDtos {
    private WindowDtos() {
    }

    public record OpenWindow(@NotNull @Min(2021) @Max(2100) Integer year, @NotNull Instant opensAt,
            @NotNull Instant closesAt, @Size(max = 2000) String note) {
    }

    public record WindowView(UUID id, int year, Instant opensAt, Instant closesAt, String note, boolean open,
            Instant closedEarlyAt) {
        static WindowView of(RegistrationWindow w, Instant now) {
            return new WindowView(w.id, w.year, w.opensAt, w.closesAt, w.note, w.isOpenAt(now), w.closedEarlyAt);
        }
    }
}
