package cn.org.kczg.teams.kit.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A list that grows without bound (tickets, activities), paged so that no page costs more as the table grows:
 * <ul>
 * <li>{@code cursor}: the page after a record, found by its sort values (keyset), never by skipping rows;</li>
 * <li>{@code total}: counted only up to {@value #COUNT_LIMIT} unless {@code count=exact}; above it an estimate;</li>
 * <li>no count at all when the page shows the list ends on it.</li>
 * </ul>
 * Sorted attributes must be plain fields of the entity (no paths); a nullable one follows PostgreSQL's order (nulls
 * last ascending, first descending).
 */
public final class Listing {
    public static final int COUNT_LIMIT = 10_000;
    /** Rows an export reads from PostgreSQL at a time. */
    static final int FETCH = 500;
    /** The {@code cursor} and {@code count} query parameters, described once for every list that takes them. */
    public static final String CURSOR_PARAMETER = "The `next` of the page before, unchanged (then leave out `page`): "
            + "the page right after that page's last record, as fast at the millionth record as at the first.";
    public static final String COUNT_PARAMETER = "`exact`: count `total` however large the list (slower on big "
            + "lists); `estimate` (default): above " + COUNT_LIMIT + " records `total` is an estimate.";

    /** Each entity's fields by name, its superclasses' too, looked up once per class (not on every page). */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> byName = new HashMap<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!byName.containsKey(f.getName())) {
                        f.setAccessible(true); // Panache turns an entity's public fields private behind accessors
                        byName.put(f.getName(), f);
                    }
                }
            }
            return Map.copyOf(byName);
        }
    };

    private Listing() {
    }

    /** The requested page of {@code entity} rows matching every {@code where} (HQL conditions on its attributes). */
    public static <E, T> Page<T> of(Class<E> entity, List<String> where, Parameters parameters, PageRequest request,
            Function<E, T> mapper) {
        List<Sort.Column> columns = request.sort().getColumns();
        String sortKey = columns.stream().map(c -> c.getName() + "," + c.getDirection().name().toLowerCase())
                .collect(Collectors.joining(";"));
        List<Field> fields = columns.stream().map(c -> field(entity, c.getName())).toList();
        Cursor cursor = request.cursor() == null ? null
                : Cursor.decode(request.cursor(), sortKey, fields.stream().<Class<?>>map(Field::getType).toList());

        EntityManager em = Panache.getEntityManager(entity);
        String name = em.getMetamodel().entity(entity).getName();
        Map<String, Object> params = new HashMap<>(parameters.map());
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String rows = filter;
        if (cursor != null) {
            rows = (where.isEmpty() ? " where " : filter + " and ") + after(columns, fields, cursor.key(), params);
        }
        String order = columns.stream()
                .map(c -> c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : " asc"))
                .collect(Collectors.joining(", ", " order by ", ""));
        TypedQuery<E> query = bound(em.createQuery("from " + name + rows + order, entity), params);
        int page = cursor == null ? request.page() : cursor.page();
        if (cursor == null) {
            query.setFirstResult(request.page() * request.size());
        }
        List<E> found = query.setMaxResults(request.size() + 1).getResultList();
        boolean more = found.size() > request.size();
        List<E> shown = more ? found.subList(0, request.size()) : found;
        List<T> items = shown.stream().map(mapper).toList();
        if (!more && cursor == null && (!shown.isEmpty() || request.page() == 0)) {
            // the list ends on this page: no count needed
            return new Page<>(items, page, request.size(), (long) request.page() * request.size() + shown.size(), true,
                    null);
        }
        String next = more ? new Cursor(sortKey, page + 1, key(shown.get(shown.size() - 1), fields)).encode() : null;
        long total;
        boolean exact = true;
        if (request.exactCount()) {
            total = bound(em.createQuery("select count(*) from " + name + filter, Long.class), parameters.map())
                    .getSingleResult();
        } else {
            // up to COUNT_LIMIT + 1 matching rows, in no order: PostgreSQL stops as soon as it has them (a limited
            // HQL subquery would need an order, and sorting every match first was what made owner-narrowed lists slow)
            total = bound(em.createQuery("select 1 from " + name + filter, Integer.class), parameters.map())
                    .setMaxResults(COUNT_LIMIT + 1).getResultList().size();
            if (total > COUNT_LIMIT) {
                exact = false;
                total = where.isEmpty() ? Math.max(total, estimatedRows(em, entity)) : total;
            }
        }
        return new Page<>(items, page, request.size(), total, exact, next);
    }

    /**
     * Every row matching {@code where}, in {@code sort}'s order, as a stream over a server-side cursor (read
     * {@value #FETCH} rows at a time): for exports, which must not hold the list in memory. Close it; call it in a
     * transaction.
     */
    public static <E> Stream<E> all(Class<E> entity, List<String> where, Parameters parameters, Sort sort) {
        EntityManager em = Panache.getEntityManager(entity);
        String name = em.getMetamodel().entity(entity).getName();
        String order = sort.getColumns().stream()
                .map(c -> c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : " asc"))
                .collect(Collectors.joining(", ", " order by ", ""));
        TypedQuery<E> query = bound(em.createQuery("from " + name + (where.isEmpty() ? "" : " where "
                + String.join(" and ", where)) + order, entity), parameters.map());
        return query.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().map(row -> {
                    // each row leaves the persistence context once read: 100,000 rows never accumulate in it
                    em.detach(row);
                    return row;
                });
    }

    /**
     * The condition "sorts after {@code key}": for sort columns c1..cn, (c1 after k1) or (c1 = k1 and c2 after k2)
     * or …, plus a plain bound on c1 so PostgreSQL starts its index scan at the key instead of filtering from the top.
     */
    static String after(List<Sort.Column> columns, List<Field> fields, List<Object> key, Map<String, Object> params) {
        List<String> alternatives = new ArrayList<>();
        List<String> equal = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).getName();
            boolean descending = columns.get(i).getDirection() == Sort.Direction.Descending;
            Object value = key.get(i);
            String param = "keyset" + i;
            if (value != null) {
                params.put(param, value);
            }
            String beyond;
            if (value == null) {
                beyond = descending ? column + " is not null" : null; // nulls: last ascending, first descending
            } else if (descending) {
                beyond = column + " < :" + param;
            } else {
                beyond = notNull(fields.get(i)) ? column + " > :" + param
                        : "(" + column + " > :" + param + " or " + column + " is null)";
            }
            if (beyond != null) {
                List<String> term = new ArrayList<>(equal);
                term.add(beyond);
                alternatives.add(String.join(" and ", term));
            }
            equal.add(value == null ? column + " is null" : column + " = :" + param);
        }
        String condition = alternatives.isEmpty() ? "1 = 0"
                : alternatives.stream().map(a -> "(" + a + ")").collect(Collectors.joining(" or ", "(", ")"));
        Object first = key.get(0);
        boolean descending = columns.get(0).getDirection() == Sort.Direction.Descending;
        if (first != null && (descending || notNull(fields.get(0)))) {
            condition = columns.get(0).getName() + (descending ? " <= :keyset0" : " >= :keyset0") + " and " + condition;
        }
        return condition;
    }

    private static List<Object> key(Object row, List<Field> fields) {
        List<Object> key = new ArrayList<>();
        for (Field f : fields) {
            try {
                key.add(f.get(row));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("sorted attribute not readable: " + f, e);
            }
        }
        return key;
    }

    private static Field field(Class<?> entity, String attribute) {
        Field f = FIELDS.get(entity).get(attribute);
        if (f == null) {
            throw new IllegalStateException(entity.getSimpleName() + " has no field " + attribute + " to page by");
        }
        return f;
    }

    private static boolean notNull(Field f) {
        Column column = f.getAnnotation(Column.class);
        return f.isAnnotationPresent(Id.class) || f.getType().isPrimitive() || (column != null && !column.nullable());
    }

    private static <Q extends Query> Q bound(Q query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }


    /** PostgreSQL's own estimate of the table's rows (kept by autovacuum's analyze), never a scan. */
    private static long estimatedRows(EntityManager em, Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        String schema = ConfigProvider.getConfig().getOptionalValue("kczg.schema", String.class).orElse("public");
        Object estimate = em.createNativeQuery("select greatest(reltuples, 0)::bigint from pg_class where oid = "
                + "to_regclass(:table)").setParameter("table", schema + "." + (table != null ? table.name()
                        : entity.getSimpleName().toLowerCase())).getResultStream().findFirst().orElse(0L);
        return ((Number) estimate).longValue();
    }
}
