package cn.org.kczg.teams.kit.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RECORD of docs/personal-data.md ({@code kczg.retention.record}, default ten years): once the period after the end
 * of the year a row concerns has passed, its login ids become {@value #EXPIRED} and its names
 * {@value Erasures#ERASED_NAME}; the record and its facts stay. Each batch is a transaction of its own that claims its
 * rows with {@code for update skip locked}; a row is claimed only while it still holds something to overwrite.
 */
@ApplicationScoped
public class RecordRetention {
    /** What a login id becomes when its retention ends (no erasure request, so no pseudonym to keep it apart). */
    public static final String EXPIRED = "erased";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    /** The first year still kept at {@code now}: a row of an earlier year has expired. */
    public static int firstKeptYear(Instant now, String period) {
        Instant cutoff = RetentionPeriod.parse(period).cutoff(now);
        return cutoff.equals(Instant.MIN) ? Integer.MIN_VALUE : cutoff.atZone(BEIJING).getYear();
    }

    /** Overwrites the expired rows of every table; rows per entity. */
    public Map<String, Integer> purge(List<RecordTable> tables, Instant now, String period, int batch) {
        int year = firstKeptYear(now, period);
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (RecordTable table : tables) {
            String sql = sql(table);
            int total = 0;
            for (int n = batch(sql, year, batch); n > 0; n = batch(sql, year, batch)) {
                total += n;
            }
            purged.merge(table.entity(), total, Integer::sum);
        }
        return purged;
    }

    private int batch(String sql, int year, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter("year", year)
                .setParameter("batch", batch).executeUpdate());
    }

    static String sql(RecordTable t) {
        List<String> sets = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String c : t.accounts()) {
            sets.add(c + " = case when " + c + " is null then null else '" + EXPIRED + "' end");
            held.add(c + " <> '" + EXPIRED + "'");
        }
        for (String c : t.names()) {
            sets.add(c + " = case when " + c + " is null then null else '" + Erasures.ERASED_NAME + "' end");
            held.add(c + " <> '" + Erasures.ERASED_NAME + "'");
        }
        if (t.json() != null) {
            sets.add(t.json());
            held.add(t.jsonHeld());
        }
        if (t.version() != null) {
            sets.add(t.version() + " = " + t.version() + " + 1");
        }
        return "update " + t.table() + " set " + String.join(", ", sets) + " where " + t.key() + " in (select "
                + t.key() + " from " + t.table() + " where " + t.year() + " < :year and ("
                + held.stream().map(h -> "coalesce(" + h + ", false)").collect(Collectors.joining(" or "))
                + ") order by " + t.key() + " limit :batch for update skip locked)";
    }
}
