package cn.org.kczg.teams.kit.privacy;

import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every service's erasure shares: the SQL that anonymises (counting rows, never reading values), the
 * audit entry, and the answer to the owner of the request.
 */
@ApplicationScoped
public class Erasures {
    /** What a person's name becomes. */
    public static final String ERASED_NAME = "已删除";
    public static final String AUDIT_ACTION = "personal-data.erased";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Overwrites {@code subject} with {@code pseudonym} in each column; one item per column that held it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PersonalDataErased.Item> pseudonymise(List<AccountColumn> columns, String subject, String pseudonym) {
        List<PersonalDataErased.Item> items = new ArrayList<>();
        for (AccountColumn c : columns) {
            int count = em.createNativeQuery("update " + c.table() + " set " + c.column() + " = :pseudonym where "
                    + c.column() + " = :subject").setParameter("pseudonym", pseudonym).setParameter("subject", subject)
                    .executeUpdate();
            items.add(new PersonalDataErased.Item(c.entity(), List.of(c.field()), count));
        }
        return nonEmpty(items);
    }

    /**
     * Overwrites {@code subject} with {@code pseudonym} wherever it is a string value inside each JSON column (a
     * panel's reviewers, a handler's deputies); one item per column that held it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PersonalDataErased.Item> pseudonymiseInJson(List<AccountColumn> columns, String subject,
            String pseudonym) {
        List<PersonalDataErased.Item> items = new ArrayList<>();
        for (AccountColumn c : columns) {
            int count = em.createNativeQuery("update " + c.table() + " set " + c.column() + " = cast(replace(cast("
                    + c.column() + " as text), cast(to_jsonb(cast(:subject as text)) as text), cast(to_jsonb(cast("
                    + ":pseudonym as text)) as text)) as jsonb) where strpos(cast(" + c.column() + " as text), cast("
                    + "to_jsonb(cast(:subject as text)) as text)) > 0").setParameter("pseudonym", pseudonym)
                    .setParameter("subject", subject).executeUpdate();
            items.add(new PersonalDataErased.Item(c.entity(), List.of(c.field()), count));
        }
        return nonEmpty(items);
    }

    /** Runs one anonymising statement; the item counts the rows it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PersonalDataErased.Item update(String entity, List<String> fields, String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return new PersonalDataErased.Item(entity, fields, query.executeUpdate());
    }

    /** The service's answer: audited under the operator who asked, and announced to the owner of the request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PersonalDataErased answer(ErasureRequested request, List<PersonalDataErased.Item> items, boolean announce) {
        List<PersonalDataErased.Item> erased = merge(nonEmpty(items));
        PersonalDataErased answer = new PersonalDataErased(request.erasureId(), service, clock.instant(), erased);
        audit.record(new Caller(request.requestedBy(), Set.of(Roles.OPERATOR), null, Set.of(), null), AUDIT_ACTION,
                PersonalDataErased.AGGREGATE, request.erasureId().toString(), summary(erased));
        if (announce) {
            outbox.append(answer);
        }
        return answer;
    }

    static List<PersonalDataErased.Item> nonEmpty(List<PersonalDataErased.Item> items) {
        return items.stream().filter(i -> i.count() > 0).toList();
    }

    /** Items of one entity and the same fields add up (the same column matched by subject and by contact). */
    static List<PersonalDataErased.Item> merge(List<PersonalDataErased.Item> items) {
        Map<String, PersonalDataErased.Item> byKey = new java.util.LinkedHashMap<>();
        for (PersonalDataErased.Item i : items) {
            byKey.merge(i.entity() + "|" + String.join(",", i.fields()), i,
                    (a, b) -> new PersonalDataErased.Item(a.entity(), a.fields(), a.count() + b.count()));
        }
        return List.copyOf(byKey.values());
    }

    private static String summary(List<PersonalDataErased.Item> items) {
        if (items.isEmpty()) {
            return "nothing held";
        }
        return items.stream().map(i -> i.entity() + "." + String.join("/", i.fields()) + " ×" + i.count())
                .collect(Collectors.joining(", "));
    }
}
