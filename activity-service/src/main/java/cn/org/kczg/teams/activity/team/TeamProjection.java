package cn.org.kczg.teams.activity.team;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps {@link TeamCopy} from {@code registration.events}. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TeamProjection {

    public void onActivated(TeamActivated event, EventEnvelope envelope) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).orElseGet(TeamCopy::new);
        team.id = event.teamId();
        team.name = event.name();
        team.leadUnitCreditCode = event.leadUnitCreditCode();
        if (team.status == null) {
            team.status = "ACTIVE";
        }
        team.serviceContent = event.serviceContent();
        team.categories = event.categories();
        team.pilotCities = event.pilotCities();
        team.otherRegions = event.otherRegions();
        team.keyFields = event.keyFields();
        team.distinctiveServices = event.distinctiveServices();
        team.experience = event.experience();
        if (event.memberFields() != null) {
            team.memberFields = event.memberFields();
        }
        team.profileVersion++;
        if (event.handler() != null) {
            team.handlerUserId = event.handler().userId();
            team.handlerName = event.handler().name();
            team.handlerDeputies = event.handler().deputies();
        }
        team.persist();
    }

    public void onStatusChanged(TeamStatusChanged event, EventEnvelope envelope) {
        TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).ifPresent(team -> team.status = event.to());
    }

    public void onMembersChanged(TeamMembersChanged event, EventEnvelope envelope) {
        if (event.memberFields() != null) {
            TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).ifPresent(team -> {
                team.memberFields = event.memberFields();
                team.profileVersion++;
            });
        }
    }

    public void onHandlerChanged(TeamHandlerChanged event, EventEnvelope envelope) {
        TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).ifPresent(team -> {
            team.handlerUserId = event.handler().userId();
            team.handlerName = event.handler().name();
            team.handlerDeputies = event.handler().deputies();
        });
    }
}
