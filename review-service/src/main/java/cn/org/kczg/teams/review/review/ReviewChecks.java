package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.review.ban.Ban;
import cn.org.kczg.teams.review.eligibility.EligibilityPolicy;
import java.util.List;
import java.util.Optional;

/** The four automatic checks as plain rules, each with an explanation people can read. */
public final class ReviewChecks {
    private ReviewChecks() {
    }

    public static CheckResult eligibility(LeadUnitCategory category) {
        return new CheckResult(CheckName.ELIGIBILITY, EligibilityPolicy.eligible(category),
                String.join("; ", EligibilityPolicy.reasons(category)));
    }

    public static CheckResult ban(Optional<Ban> inForce) {
        return inForce.map(b -> new CheckResult(CheckName.BAN, false, "第二十条: 牵头单位自" + b.since + "起三年内不得申报 ("
                        + b.reasonClass + ", until " + b.until + ")" + (b.note == null ? "" : ": " + b.note)))
                .orElse(new CheckResult(CheckName.BAN, true, "第二十条: no ban in force"));
    }

    /** Art. 8: {@code used} counts live teams and other applications under review. */
    public static CheckResult quota(LeadUnitCategory category, Integer limit, int used, int year) {
        if (limit == null) {
            return new CheckResult(CheckName.QUOTA, null, "第八条: no annual quota is set for " + category + " in "
                    + year + " (" + used + " team(s) or application(s) already count); the reviewer decides");
        }
        boolean fits = used < limit;
        return new CheckResult(CheckName.QUOTA, fits, "第八条: " + used + " of " + limit
                + " used by live teams and applications under review; this one " + (fits ? "fits" : "exceeds the limit"));
    }

    public static CheckResult completeness(ApplicationSubmitted a) {
        List<String> gaps = new java.util.ArrayList<>();
        if (a.memberCount() < 1) {
            gaps.add("no members (Art. 7)");
        }
        if (a.leaderCount() != 1) {
            gaps.add(a.leaderCount() + " leaders instead of one (Art. 7)");
        }
        if (a.pilotCities() == null || a.pilotCities().isEmpty()) {
            gaps.add("no pilot city (Art. 10)");
        }
        if (!a.handlerNamed()) {
            gaps.add("no handler for the demand hall (Art. 12)");
        }
        return gaps.isEmpty()
                ? new CheckResult(CheckName.COMPLETENESS, true, a.memberCount() + " member(s) with one leader, "
                        + a.pilotCities().size() + " pilot city/cities, handler named")
                : new CheckResult(CheckName.COMPLETENESS, false, String.join("; ", gaps));
    }
}
