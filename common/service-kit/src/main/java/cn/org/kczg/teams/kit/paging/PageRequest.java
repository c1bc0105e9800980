package cn.org.kczg.teams.kit.paging;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import io.quarkus.panache.common.Sort;
import java.util.Map;

/**
 * {@code ?page=0&size=20&sort=field,desc}, checked: size at most {@value #MAX_SIZE}, sort only on the
 * fields a list allows (API name → entity attribute), so a query never sorts on something unindexed
 * or private.
 */
public record PageRequest(int page, int size, Sort sort) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortable,
            String defaultSort) {
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
        return new PageRequest(p, s, parseSort(sort == null || sort.isBlank() ? defaultSort : sort, sortable));
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
