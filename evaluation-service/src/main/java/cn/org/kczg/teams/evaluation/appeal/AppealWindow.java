package cn.org.kczg.teams.evaluation.appeal;

import java.time.Duration;
import java.time.Instant;

/** Issue 21: a decision may be appealed for {@code length} after it was made (the end itself is too late). */
record AppealWindow(Duration length) {
    Instant closesAt(Instant decidedAt) {
        return decidedAt.plus(length);
    }

    boolean isOpen(Instant decidedAt, Instant now) {
        return !now.isBefore(decidedAt) && now.isBefore(closesAt(decidedAt));
    }
}
