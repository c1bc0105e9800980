package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable<Upstream> table = RouteTable.services(
            Map.of("lead-units", "registration", "public.teams", "registration", "public.certificates", "activity",
                    "teams", "registration", "teams.*.metrics", "evaluation"),
            Map.of("registration", "http://localhost:8081", "activity", "http://localhost:8083", "evaluation",
                    "http://localhost:8084"));

    @Test
    void routesByFirstSegment() {
        assertEquals("registration", table.target("/api/v1/lead-units/X").orElseThrow().service());
        assertEquals("registration", table.target("/api/v1/lead-units").orElseThrow().service());
    }

    @Test
    void twoSegmentsDisambiguateSharedPrefixes() {
        assertEquals("registration", table.target("/api/v1/public/teams/1").orElseThrow().service());
        assertEquals("activity", table.target("/api/v1/public/certificates/C-1").orElseThrow().service());
    }

    @Test
    void aWildcardSegmentRoutesSubResourcesOfAnotherServicesResource() {
        assertEquals("evaluation", table.target("/api/v1/teams/6f1c/metrics/2026/activities").orElseThrow().service());
        assertEquals("registration", table.target("/api/v1/teams/6f1c").orElseThrow().service());
        assertEquals("registration", table.target("/api/v1/teams/6f1c/handler").orElseThrow().service());
        assertEquals("registration", table.target("/api/v1/teams").orElseThrow().service());
    }

    @Test
    void aServiceMayHaveSeveralInstances() {
        RouteTable<Upstream> two = RouteTable.services(Map.of("tickets", "activity"),
                Map.of("activity", "http://a:8083, http://b:8083"));
        assertEquals(2, two.target("/api/v1/tickets").orElseThrow().origins().size());
    }

    @Test
    void unknownPathsHaveNoTarget() {
        assertTrue(table.target("/api/v1/public").isEmpty());
        assertTrue(table.target("/api/v1/unknown").isEmpty());
        assertTrue(table.target("/q/health").isEmpty());
    }
}
