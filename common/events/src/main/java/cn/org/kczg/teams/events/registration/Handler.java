package cn.org.kczg.teams.events.registration;

import java.util.List;

/**
 * Art. 12: the person a team names to answer the demand hall; {@code userId} is their token's {@code sub}.
 * {@code deputies} are the {@code sub}s of the people the lead unit lets act for the handler (absence, leave).
 * No phone or e-mail (issue 24, PIPL Art. 6): no consumer needs them; an event written before, which has them, is
 * still read (the fields are ignored).
 */
public record Handler(String name, String userId, List<String> deputies) {
    public Handler {
        deputies = deputies == null ? List.of() : List.copyOf(deputies);
    }
}
