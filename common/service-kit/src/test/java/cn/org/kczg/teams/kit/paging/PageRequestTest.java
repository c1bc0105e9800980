package cn.org.kczg.teams.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.platform.problem.Problem.FieldError;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ?page=&size=&sort=} as every list reads it: defaults, bounds, the page × size overflow, sort parsing. */
class PageRequestTest {
    /** API name → entity attribute; only these may be sorted on. */
    private static final Map<String, String> SORTABLE = Map.of("submittedAt", "submittedAt", "name", "teamName",
            "priority", "priority");
    private static final String DEFAULT_SORT = "submittedAt,desc";

    private static PageRequest of(Integer page, Integer size, String sort) {
        return PageRequest.of(page, size, sort, SORTABLE, DEFAULT_SORT);
    }

    /** The sort as "attribute direction" pairs, in order. */
    private static List<String> columns(PageRequest request) {
        return request.sort().getColumns().stream().map(c -> c.getName() + " " + c.getDirection()).toList();
    }

    private static FieldError invalid(Integer page, Integer size, String sort) {
        ProblemException e = assertThrows(ProblemException.class, () -> of(page, size, sort));
        assertEquals(400, e.status());
        assertEquals("validation", e.code());
        assertEquals(1, e.errors().size(), e.errors().toString());
        return new FieldError(e.errors().get(0).field(), e.errors().get(0).message().in(ProblemTexts.ENGLISH));
    }

    // ---- defaults

    @Test
    void nothingAskedIsTheFirstPageOfTwentyInTheListsDefaultOrder() {
        PageRequest request = of(null, null, null);
        assertEquals(0, request.page());
        assertEquals(PageRequest.DEFAULT_SIZE, request.size());
        assertEquals(20, request.size());
        assertEquals(List.of("submittedAt Descending", "id Ascending"), columns(request));
    }

    @Test
    void aBlankSortIsTheDefaultOrder() {
        assertEquals(List.of("submittedAt Descending", "id Ascending"), columns(of(2, 5, "")));
        assertEquals(List.of("submittedAt Descending", "id Ascending"), columns(of(2, 5, "   ")));
    }

    @Test
    void whatIsAskedWithinBoundsIsKept() {
        PageRequest request = of(3, 50, "name");
        assertEquals(3, request.page());
        assertEquals(50, request.size());
    }

    // ---- bounds

    @Test
    void thePageIsZeroOrMore() {
        assertEquals(0, of(0, 10, null).page());
        FieldError error = invalid(-1, 10, null);
        assertEquals("page", error.field());
        assertEquals("must be 0 or more", error.message());
        assertEquals("page", invalid(Integer.MIN_VALUE, 10, null).field());
    }

    @Test
    void theSizeIsBetweenOneAndAHundred() {
        assertEquals(1, of(0, 1, null).size());
        assertEquals(PageRequest.MAX_SIZE, of(0, 100, null).size());
        for (int size : new int[] {0, -1, 101, Integer.MAX_VALUE}) {
            FieldError error = invalid(0, size, null);
            assertEquals("size", error.field(), "size " + size);
            assertEquals("must be between 1 and 100", error.message());
        }
    }

    /** Panache computes the first row as page × size in an int: a product past 2^31 − 1 would wrap to a negative row. */
    @Test
    void aPageWhoseFirstRowIsBeyondAnIntIsRefused() {
        assertEquals(Integer.MAX_VALUE, of(Integer.MAX_VALUE, 1, null).page());
        assertEquals(21_474_836, of(21_474_836, 100, null).page()); // 2,147,483,600
        FieldError error = invalid(21_474_837, 100, null);           // 2,147,483,700
        assertEquals("page", error.field());
        assertTrue(error.message().contains("page × size"), error.message());
        assertEquals("page", invalid(Integer.MAX_VALUE, 2, null).field());
        assertEquals("page", invalid(Integer.MAX_VALUE, 100, null).field());
    }

    // ---- sort

    @Test
    void aSortNamesAnApiFieldAndSortsOnItsAttributeAscendingUnlessDescIsAsked() {
        assertEquals(List.of("teamName Ascending", "id Ascending"), columns(of(0, 10, "name")));
        assertEquals(List.of("teamName Ascending", "id Ascending"), columns(of(0, 10, "name,asc")));
        assertEquals(List.of("teamName Descending", "id Ascending"), columns(of(0, 10, "name,desc")));
    }

    @Test
    void directionsIgnoreCaseAndSpaces() {
        assertEquals(List.of("teamName Descending", "id Ascending"), columns(of(0, 10, " name , DESC ")));
        assertEquals(List.of("teamName Ascending", "id Ascending"), columns(of(0, 10, "name,Asc")));
    }

    @Test
    void severalKeysJoinedBySemicolonsSortInTheOrderGivenThenById() {
        assertEquals(List.of("priority Descending", "submittedAt Ascending", "id Ascending"),
                columns(of(0, 10, "priority,desc;submittedAt,asc")));
        assertEquals(List.of("submittedAt Ascending", "priority Ascending", "id Ascending"),
                columns(of(0, 10, "submittedAt;priority")));
    }

    @Test
    void onlyTheListsApiFieldsMaySortNotAttributesOrAnythingElse() {
        for (String sort : List.of("teamName", "id", "password", "name; drop table team", "Name", "name.x")) {
            FieldError error = invalid(0, 10, sort);
            assertEquals("sort", error.field(), sort);
            assertTrue(error.message().startsWith("can sort by "), error.message());
            for (String allowed : SORTABLE.keySet()) {
                assertTrue(error.message().contains(allowed), error.message());
            }
        }
    }

    @Test
    void oneUnknownKeyAmongKnownOnesIsRefused() {
        assertEquals("sort", invalid(0, 10, "name,desc;secret").field());
        assertEquals("sort", invalid(0, 10, ";name").field());
    }

    @Test
    void aDirectionIsAscOrDesc() {
        for (String sort : List.of("name,up", "name,descending", "name,", "name,,desc")) {
            if (sort.equals("name,")) {
                // a trailing comma names no direction: ascending
                assertEquals(List.of("teamName Ascending", "id Ascending"), columns(of(0, 10, sort)));
                continue;
            }
            FieldError error = invalid(0, 10, sort);
            assertEquals("sort", error.field(), sort);
            assertEquals("direction must be asc or desc", error.message(), sort);
        }
    }

    @Test
    void separatorsAloneNameNoFieldAndAreRefusedNotAFailure() {
        for (String sort : List.of(",", ";", ";;", ",;,", ",desc")) {
            assertEquals("sort", invalid(0, 10, sort).field(), sort);
        }
    }
}
