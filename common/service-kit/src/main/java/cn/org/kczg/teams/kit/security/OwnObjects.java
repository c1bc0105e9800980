package cn.org.kczg.teams.kit.security;

import io.quarkus.panache.common.Parameters;
import java.util.Set;
import java.util.UUID;

/**
 * The one way a list query is narrowed to what the caller's claims name: a condition over the entity's team and
 * lead-unit fields (and, where objects have one, its partner or holder), with its parameters bound here. A missing
 * claim matches nothing — it is bound to a value no object carries, never left out of the query.
 */
public final class OwnObjects {
    /** No team id, credit code, partner id or subject is this: drawn anew at every start, nobody can name it. */
    private static final String NOTHING = "none:" + UUID.randomUUID();

    private OwnObjects() {
    }

    /**
     * {@code (cast(teamField as String) in :ownTeams or leadUnitField = :ownOrg)}, with both bound.
     *
     * @param teamField     the entity's team id field, e.g. {@code teamId}
     * @param leadUnitField the entity's lead-unit credit code field, e.g. {@code leadUnitCreditCode}
     */
    public static String ofTeams(Caller caller, Parameters params, String teamField, String leadUnitField) {
        params.and("ownTeams", caller.teams().isEmpty() ? Set.of(NOTHING) : caller.teams())
                .and("ownOrg", caller.org() == null ? NOTHING : caller.org());
        return "(cast(" + teamField + " as String) in :ownTeams or " + leadUnitField + " = :ownOrg)";
    }

    /** {@code field = :ownPartner}: objects a partner system pushed. */
    public static String ofPartner(Caller caller, Parameters params, String field) {
        params.and("ownPartner", caller.partner() == null ? NOTHING : caller.partner());
        return field + " = :ownPartner";
    }

    /** {@code field = :me}: objects that are the caller's own (a volunteer's hours, certificates). */
    public static String ofSubject(Caller caller, Parameters params, String field) {
        params.and("me", caller.subject() == null ? NOTHING : caller.subject());
        return field + " = :me";
    }
}
