package cn.org.kczg.teams.registration.ban;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Art. 20: keeps {@link BanCopy} from {@code lead-unit.banned}, announced by evaluation-service (a team's serious
 * problem) and by review-service (an operator's record).
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
}
