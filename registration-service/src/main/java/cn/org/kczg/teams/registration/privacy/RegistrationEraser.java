package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased.Item;
import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.FieldCipher;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.kit.privacy.AccountColumn;
import cn.org.kczg.teams.kit.privacy.Erasures;
import cn.org.kczg.teams.registration.application.HandlerCiphers;
import cn.org.kczg.teams.registration.leadunit.LeadUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What registration-service erases of a person, in the request's own transaction: a handler's name and contacts
 * (in teams and in applications), a lead unit's contact person, and the person's login id wherever it is kept. The
 * teams, their members' list and the applications stay. Members are named without contacts or logins, so no request
 * can find them; an operator corrects a member's entry through the team if asked.
 */
@ApplicationScoped
public class RegistrationEraser {
    static final List<AccountColumn> ACCOUNT_COLUMNS = List.of(
            new AccountColumn("LeadUnit", "registeredBy", "lead_unit", "registered_by"),
            new AccountColumn("TeamApplication", "createdBy", "team_application", "created_by"),
            new AccountColumn("RegistrationWindow", "createdBy", "registration_window", "created_by"),
            new AccountColumn("DataImport", "createdBy", "data_import", "created_by"),
            new AccountColumn("ErasureRequest", "requestedBy", "personal_data_erasure", "requested_by"));
    static final List<AccountColumn> JSON_COLUMNS = List.of(
            new AccountColumn("Team", "handler", "team", "handler"),
            new AccountColumn("TeamApplication", "content", "team_application", "content"));
    private static final String ERASED_HANDLER = "jsonb_build_object('name', '" + Erasures.ERASED_NAME
            + "', 'phone', null, 'email', null)";
    private static final int BATCH = 500;

    @Inject
    Erasures erasures;
    @Inject
    EntityManager em;
    @Inject
    FieldCipher cipher;

    /** What was erased, and the teams whose handler changed (their copies elsewhere follow a handler event). */
    public record Outcome(List<Item> items, Set<UUID> teamsWithErasedHandler) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome erase(ErasureRequested request) {
        List<Item> items = new ArrayList<>();
        Set<UUID> teams = new LinkedHashSet<>();
        if (request.subject() != null) {
            Map<String, Object> s = Map.of("subject", request.subject());
            teams.addAll(teamIds("handler->>'userId' = :subject", s));
            items.addAll(handlers("handler->>'userId' = :subject", "content->'handler'->>'userId' = :subject", s));
            items.addAll(erasures.pseudonymiseInJson(JSON_COLUMNS, request.subject(), request.pseudonym()));
            items.addAll(erasures.pseudonymise(ACCOUNT_COLUMNS, request.subject(), request.pseudonym()));
        }
        if (request.contact() != null) {
            List<UUID> teamIds = withHandlerContact(HandlerCiphers.TEAM_HANDLER, "handler", request.contact());
            List<UUID> applicationIds = withHandlerContact(HandlerCiphers.APPLICATION_CONTENT, "content->'handler'",
                    request.contact());
            teams.addAll(teamIds);
            items.addAll(handlers("id in (:teams)", "id in (:applications)", Map.of("teams", orNone(teamIds),
                    "applications", orNone(applicationIds))));
            items.add(new Item("LeadUnit", List.of("contactName", "contactPhone", "contactEmail"),
                    eraseLeadUnitContacts(request.contact())));
        }
        return new Outcome(items, teams);
    }

    private List<Item> handlers(String teamWhere, String applicationWhere, Map<String, Object> params) {
        return List.of(
                erasures.update("Team", List.of("handler.name", "handler.phone", "handler.email"),
                        "update team set handler = handler || " + ERASED_HANDLER + ", version = version + 1 where "
                                + "jsonb_typeof(handler) = 'object' and (" + teamWhere + ")", only(params, "teams")),
                erasures.update("TeamApplication", List.of("content.handler.name", "content.handler.phone",
                        "content.handler.email"), "update team_application set content = jsonb_set(content, "
                                + "array['handler'], (content->'handler') || " + ERASED_HANDLER + "), version = version + 1 "
                                + "where jsonb_typeof(content->'handler') = 'object' and (" + applicationWhere + ")",
                        only(params, "applications")));
    }

    /** The parameters a statement uses: those of the other statement left out. */
    private static Map<String, Object> only(Map<String, Object> params, String name) {
        return params.containsKey(name) ? Map.of(name, params.get(name)) : params;
    }

    /**
     * The handlers' phones and e-mails are sealed inside their JSON (a value differs on every write): the rows with a
     * handler — a few thousand teams and applications — are read in batches and compared opened, as the same contact
     * counts (case and white space aside), like the lead units' contacts below.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> withHandlerContact(EncryptedColumn column, String handler, String contact) {
        String wanted = FieldHash.normalised(contact);
        String phone = column.parts().get(0);
        String email = column.parts().get(1);
        List<UUID> found = new ArrayList<>();
        List<Object[]> batch;
        UUID after = null;
        do {
            var query = em.createNativeQuery("select id, " + handler + "->>'phone', " + handler + "->>'email' from "
                    + column.table() + " where jsonb_typeof(" + handler + ") = 'object' and (" + handler
                    + "->>'phone' is not null or " + handler + "->>'email' is not null)"
                    + (after == null ? "" : " and id > :after") + " order by id limit " + BATCH);
            if (after != null) {
                query.setParameter("after", after);
            }
            batch = query.getResultList();
            for (Object[] row : batch) {
                if (same(wanted, cipher.decrypt((String) row[1], column.partName(phone)))
                        || same(wanted, cipher.decrypt((String) row[2], column.partName(email)))) {
                    found.add((UUID) row[0]);
                }
                after = (UUID) row[0];
            }
        } while (batch.size() == BATCH);
        return found;
    }

    /** {@code in ()} is no SQL: an id no row has stands for none. */
    private static List<UUID> orNone(List<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> teamIds(String where, Map<String, Object> params) {
        var query = em.createNativeQuery("select id from team where jsonb_typeof(handler) = 'object' and (" + where
                + ")", UUID.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Lead units' contact phones and e-mails are sealed (a value differs on every write): the units with a contact —
     * a few thousand — are read and compared opened, as the same contact counts (case and white space aside).
     */
    private long eraseLeadUnitContacts(String contact) {
        String wanted = FieldHash.normalised(contact);
        long erased = 0;
        for (LeadUnit unit : LeadUnit.<LeadUnit>list("contactPhone is not null or contactEmail is not null")) {
            if (same(wanted, unit.contactPhone) || same(wanted, unit.contactEmail)) {
                unit.contactName = Erasures.ERASED_NAME;
                unit.contactPhone = null;
                unit.contactEmail = null;
                erased++;
            }
        }
        return erased;
    }

    private static boolean same(String wanted, String stored) {
        return stored != null && wanted.equals(FieldHash.normalised(stored));
    }
}
