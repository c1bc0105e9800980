package cn.org.kczg.teams.kit.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Runs the query for the requested page and maps each entity to its response record. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(request.page(), request.size()).<E>list().stream().map(mapper).toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }
}
