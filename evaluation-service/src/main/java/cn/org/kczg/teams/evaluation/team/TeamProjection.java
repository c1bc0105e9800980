package cn.org.kczg.teams.evaluation.team;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;

/** Keeps {@link TeamCopy} and {@link LeadUnitCopy} from {@code registration.events}. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TeamProjection {
    private static final Set<String> ENDED = Set.of("REVOKED", "DISQUALIFIED");

    public void onLeadUnitRegistered(LeadUnitRegistered event, EventEnvelope envelope) {
        LeadUnitCopy unit = LeadUnitCopy.<LeadUnitCopy>findByIdOptional(event.creditCode()).orElseGet(LeadUnitCopy::new);
        unit.creditCode = event.creditCode();
        unit.name = event.name();
        unit.category = event.category();
        unit.persist();
    }

    public void onActivated(TeamActivated event, EventEnvelope envelope) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).orElseGet(TeamCopy::new);
        team.id = event.teamId();
        team.name = event.name();
        team.leadUnitCreditCode = event.leadUnitCreditCode();
        team.leadUnitName = event.leadUnitName();
        if (team.status == null) {
            team.status = "ACTIVE";
        }
        team.activatedAt = event.activatedAt();
        team.persist();
    }

    public void onStatusChanged(TeamStatusChanged event, EventEnvelope envelope) {
        TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).ifPresent(team -> {
            team.status = event.to();
            if (ENDED.contains(event.to()) && team.endedAt == null) {
                team.endedAt = event.changedAt();
            }
        });
    }
}
