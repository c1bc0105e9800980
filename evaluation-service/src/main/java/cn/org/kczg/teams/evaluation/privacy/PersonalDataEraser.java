package cn.org.kczg.teams.evaluation.privacy;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased.Item;
import cn.org.kczg.teams.kit.privacy.AccountColumn;
import cn.org.kczg.teams.kit.privacy.Erasures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code personal-data.erasure-requested} in evaluation-service: staff's login ids (who published, adjusted,
 * sanctioned, appealed …) become the request's pseudonym; metrics, grades and sanctions stay — the metrics never
 * named a volunteer (a participation counts by its id). It keeps no contacts. {@code GuidanceSession.givenBy} is a
 * name as written, not a login: an operator corrects it by hand if asked.
 */
@ApplicationScoped
public class PersonalDataEraser {
    static final List<AccountColumn> ACCOUNT_COLUMNS = List.of(
            new AccountColumn("Appeal", "filedBy", "appeal", "filed_by"),
            new AccountColumn("Appeal", "decidedBy", "appeal", "decided_by"),
            new AccountColumn("TeamResult", "adjustedBy", "team_result", "adjusted_by"),
            new AccountColumn("Assessment", "publishedBy", "assessment", "published_by"),
            new AccountColumn("AssessmentRun", "startedBy", "assessment_run", "started_by"),
            new AccountColumn("Sanction", "decidedBy", "sanction", "decided_by"),
            new AccountColumn("IndicatorSystem", "createdBy", "indicator_system", "created_by"),
            new AccountColumn("IndicatorSystem", "publishedBy", "indicator_system", "published_by"),
            new AccountColumn("DemonstrationProject", "markedBy", "demonstration_project", "marked_by"),
            new AccountColumn("DemonstrationProject", "revokedBy", "demonstration_project", "revoked_by"),
            new AccountColumn("GuidanceSession", "recordedBy", "guidance_session", "recorded_by"),
            new AccountColumn("Incentive", "markedBy", "incentive", "marked_by"),
            new AccountColumn("Incentive", "unmarkedBy", "incentive", "unmarked_by"));

    @Inject
    Erasures erasures;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onErasureRequested(ErasureRequested request, EventEnvelope envelope) {
        List<Item> items = new ArrayList<>();
        if (request.subject() != null) {
            items.addAll(erasures.pseudonymise(ACCOUNT_COLUMNS, request.subject(), request.pseudonym()));
        }
        erasures.answer(request, items, true);
    }
}
