package cn.org.kczg.teams.kit.security;

import io.quarkus.panache.common.Parameters;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** No team has this id: bound when the caller's token names no (well-formed) team. */
    private static final UUID NO_TEAM = UUID.randomUUID();

    /**
     * {@code (teamField in :ownTeams or leadUnitField = :ownOrg)}, with both bound: the team ids as UUIDs, so the
     * team index serves the query (a claim that is not a UUID names no team).
     *
     * @param teamField     the entity's team id field, e.g. {@code teamId}
     * @param leadUnitField the entity's lead-unit credit code field, e.g. {@code leadUnitCreditCode}
     */
    public static String ofTeams(Caller caller, Parameters params, String teamField, String leadUnitField) {
        Set<UUID> teams = caller.teams().stream().map(OwnObjects::uuidOrNull).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        params.and("ownTeams", teams.isEmpty() ? Set.of(NO_TEAM) : teams)
                .and("ownOrg", caller.org() == null ? NOTHING : caller.org());
        return "(" + teamField + " in :ownTeams or " + leadUnitField + " = :ownOrg)";
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
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
