package cn.org.kczg.teams.registration.ban;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Art. 20: keeps {@link BanCopy} from {@code lead-unit.banned}, announced by evaluation-service (a team's serious
 * problem) and by review-service (an operator's record); {@code lead-unit.ban-lifted} (issue 21, from either) ends
 * one.
 */
@ApplicationScoped
public class BanProjection {
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadUnitBanned(LeadUnitBanned event, EventEnvelope envelope) {
        if (BanCopy.findById(event.banId()) != null) {
            return;
        }
        BanCopy ban = new BanCopy();
        ban.id = event.banId();
        ban.creditCode = event.creditCode().trim().toUpperCase();
        ban.since = event.since();
        ban.until = event.until();
        ban.receivedAt = clock.instant();
        ban.persist();
    }

    /**
     * The ban no longer holds. A lift may overtake its ban when the two came from different services (an operator
     * lifting evaluation's ban in review-service): an empty, lifted copy then keeps the late ban from holding.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBanLifted(LeadUnitBanLifted event, EventEnvelope envelope) {
        BanCopy ban = BanCopy.findById(event.banId());
        if (ban == null) {
            ban = new BanCopy();
            ban.id = event.banId();
            ban.creditCode = event.creditCode().trim().toUpperCase();
            ban.since = LocalDate.ofInstant(event.liftedAt(), BanCopy.BEIJING);
            ban.until = ban.since;
            ban.receivedAt = clock.instant();
            ban.persist();
        }
        if (ban.liftedAt == null) {
            ban.liftedAt = event.liftedAt();
        }
    }
}
