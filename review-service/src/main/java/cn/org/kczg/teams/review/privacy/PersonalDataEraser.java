package cn.org.kczg.teams.review.privacy;

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
 * {@code personal-data.erasure-requested} in review-service: it keeps only staff's login ids (who claimed, scored,
 * banned, set a quota), which become the request's pseudonym; scores, comments and decisions stay. It keeps no
 * contacts, so an erasure by contact finds nothing here.
 */
@ApplicationScoped
public class PersonalDataEraser {
    static final List<AccountColumn> ACCOUNT_COLUMNS = List.of(
            new AccountColumn("ReviewCase", "claimedBy", "review_case", "claimed_by"),
            new AccountColumn("Ban", "createdBy", "ban", "created_by"),
            new AccountColumn("Ban", "liftedBy", "ban", "lifted_by"),
            new AccountColumn("AnnualQuota", "setBy", "annual_quota", "set_by"));
    static final List<AccountColumn> JSON_COLUMNS = List.of(
            new AccountColumn("ReviewCase", "panel", "review_case", "panel"));

    @Inject
    Erasures erasures;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onErasureRequested(ErasureRequested request, EventEnvelope envelope) {
        List<Item> items = new ArrayList<>();
        if (request.subject() != null) {
            items.addAll(erasures.pseudonymiseInJson(JSON_COLUMNS, request.subject(), request.pseudonym()));
            items.addAll(erasures.pseudonymise(ACCOUNT_COLUMNS, request.subject(), request.pseudonym()));
        }
        erasures.answer(request, items, true);
    }
}
