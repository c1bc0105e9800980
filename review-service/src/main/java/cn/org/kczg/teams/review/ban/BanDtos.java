package cn.org.kczg.teams.review.ban;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The request and response records of bans' API. */
public final class BanDtos {
    private BanDtos() {
    }

    public record RecordBan(@NotBlank @Size(max = 18) String creditCode, @NotNull Ban.ReasonClass reasonClass,
            @NotNull LocalDate since, @Size(max = 2000) String note) {
    }

    public record BanView(UUID id, String creditCode, Ban.ReasonClass reasonClass, LocalDate since, LocalDate until,
            boolean inForce, String note, String source) {
        static BanView of(Ban b, LocalDate today) {
            return new BanView(b.id, b.creditCode, b.reasonClass, b.since, b.until, b.inForceOn(today), b.note,
                    b.source);
        }
    }
}
