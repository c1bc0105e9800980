package cn.org.kczg.teams.kit.paging;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import io.quarkus.panache.common.Sort;
import java.util.Map;

/**
 * {@code ?page=0&size=20&sort=field,desc}, checked: size at most {@value #MAX_SIZE}, sort only on the
 * fields a list allows (API name → entity attribute), so a query never sorts on something unindexed
 * or private. The big lists ({@link Listing}) also take {@code cursor} (the {@code next} of the page before, instead
 * of {@code page}) and {@code count=exact} (an exact {@code total} however large the list).
 */
public record PageRequest(int page, int size, Sort sort, String cursor, boolean exactCount) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest(int page, int size, Sort sort) {
        this(page, size, sort, null, false);
    }

    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortable,
            String defaultSort) {
        return of(page, size, sort, null, null, sortable, defaultSort);
    }

    /** With {@code cursor} and {@code count} ({@code exact} or {@code estimate}, the default): for {@link Listing}. */
    public static PageRequest of(Integer page, Integer size, String sort, String cursor, String count,
            Map<String, String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalid("page", Text.of("page.negative"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", Text.of("page.size", MAX_SIZE));
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", Text.of("page.beyond"));
        }
        String c = cursor == null || cursor.isBlank() ? null : cursor.strip();
        if (c != null && c.length() > Cursor.MAX_LENGTH) {
            throw Cursor.invalid();
        }
        if (c != null && p != 0) {
            throw ProblemException.invalid("page", Text.of("page.with-cursor"));
        }
        if (count != null && !count.isBlank() && !count.strip().equals("exact") && !count.strip().equals("estimate")) {
            throw ProblemException.invalid("count", Text.of("count.mode"));
        }
        return new PageRequest(p, s, parseSort(sort == null || sort.isBlank() ? defaultSort : sort, sortable), c,
                count != null && count.strip().equals("exact"));
    }

    /** {@code field[,asc|desc]}, several joined by {@code ;} ({@code priority,desc;submittedAt,asc}). */
    private static Sort parseSort(String sort, Map<String, String> sortable) {
        Sort result = null;
        for (String key : sort.split(";")) {
            String[] parts = key.split(",");
            // "," or ";" alone split into nothing: no field named, like an unknown one (not a 500)
            String attribute = parts.length == 0 ? null : sortable.get(parts[0].trim());
            if (attribute == null) {
                throw ProblemException.invalid("sort", Text.of("sort.field", String.join(", ", sortable.keySet())));
            }
            Sort.Direction direction = Sort.Direction.Ascending;
            if (parts.length > 1) {
                switch (parts[1].trim().toLowerCase()) {
                    case "asc" -> direction = Sort.Direction.Ascending;
                    case "desc" -> direction = Sort.Direction.Descending;
                    default -> throw ProblemException.invalid("sort", Text.of("sort.direction"));
                }
            }
            result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
        }
        if (result == null) {
            throw ProblemException.invalid("sort", Text.of("sort.field", String.join(", ", sortable.keySet())));
        }
        // a stable tie-breaker keeps pages from overlapping
        return result.and("id");
    }
}
