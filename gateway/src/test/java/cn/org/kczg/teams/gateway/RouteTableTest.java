package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable<URI> table = RouteTable.services(
            Map.of("lead-units", "registration", "public.teams", "registration", "public.certificates", "activity",
                    "teams", "registration", "teams.*.metrics", "evaluation"),
            Map.of("registration", "http://localhost:8081", "activity", "http://localhost:8083", "evaluation",
                    "http://localhost:8084"));

    @Test
    void routesByFirstSegment() {
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/lead-units/X").orElseThrow());
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/lead-units").orElseThrow());
    }

    @Test
    void twoSegmentsDisambiguateSharedPrefixes() {
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/public/teams/1").orElseThrow());
        assertEquals(URI.create("http://localhost:8083"), table.target("/api/v1/public/certificates/C-1").orElseThrow());
    }

    @Test
    void aWildcardSegmentRoutesSubResourcesOfAnotherServicesResource() {
        assertEquals(URI.create("http://localhost:8084"),
                table.target("/api/v1/teams/6f1c/metrics/2026/activities").orElseThrow());
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/teams/6f1c").orElseThrow());
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/teams/6f1c/handler").orElseThrow());
        assertEquals(URI.create("http://localhost:8081"), table.target("/api/v1/teams").orElseThrow());
    }

    @Test
    void unknownPathsHaveNoTarget() {
        assertTrue(table.target("/api/v1/public").isEmpty());
        assertTrue(table.target("/api/v1/unknown").isEmpty());
        assertTrue(table.target("/q/health").isEmpty());
    }
}
