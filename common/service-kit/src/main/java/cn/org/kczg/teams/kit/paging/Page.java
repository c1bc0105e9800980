package cn.org.kczg.teams.kit.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Query;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {items, page, size, total}}. The one way to page: a Panache query ({@link #of}), a
 * native query ({@link #ofNative}), or — only for a list computed whole in memory, e.g. a ranking — {@link #slice};
 * the lists that grow without bound page by {@link Listing}, which adds {@code next} and may estimate {@code total}.
 */
@Schema(description = "One page of a list, in the order `sort` asked for (each list states its default).")
public record Page<T>(
        @Schema(description = "The records of this page (none past the last page).", required = true) List<T> items,
        @Schema(description = "This page's number, from 0.", required = true) int page,
        @Schema(description = "The page size asked for (1–100, default 20).", required = true) int size,
        @Schema(description = "How many records the whole list has. On the lists that also page by `cursor`, a "
                + "count above " + Listing.COUNT_LIMIT + " is estimated (`totalExact` false) unless `count=exact` "
                + "asked for it.", required = true) long total,
        @Schema(description = "false when `total` is an estimate: the list has more than " + Listing.COUNT_LIMIT
                + " records (the table's statistics when nothing narrows the list, else " + (Listing.COUNT_LIMIT + 1)
                + ").", required = true) boolean totalExact,
        @Schema(description = "On the lists that page by `cursor`: pass this as `cursor` (leaving out `page`) for the "
                + "next page, which then starts right after this page's last record however many records came or "
                + "went before it; absent on the last page.") String next) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true, null);
    }

    /** Runs the query for the requested page and maps each entity to its response record. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(request.page(), request.size()).<E>list().stream().map(mapper).toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }

    /** The requested page of a native query's rows, each mapped; {@code total} counted by the caller's own query. */
    @SuppressWarnings("unchecked")
    public static <R, T> Page<T> ofNative(Query query, PageRequest request, long total, Function<R, T> mapper) {
        List<R> rows = query.setFirstResult(request.page() * request.size()).setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(mapper).toList(), request.page(), request.size(), total);
    }

    /** The requested page of a list already whole in memory. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(all.size(), request.page() * request.size());
        return new Page<>(all.subList(from, Math.min(all.size(), from + request.size())), request.page(),
                request.size(), all.size());
    }
}
