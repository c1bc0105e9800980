package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.gateway.securitylog.ChainedLines;
import cn.org.kczg.teams.gateway.securitylog.DayFiles;
import cn.org.kczg.teams.gateway.securitylog.SecurityLog;
import cn.org.kczg.teams.gateway.securitylog.VerifySecurityLog;
import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 24: the gateway's security events reach the hash-chained log. */
@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class SecurityLogTests {
    @Inject
    SecurityLog log;

    private static List<String> lines() throws IOException {
        List<String> all = new ArrayList<>();
        for (Path file : DayFiles.list(EchoBackendResource.SECURITY_LOG)) {
            all.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return all;
    }

    private static List<Map<String, Object>> entries(String containing) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String line : lines()) {
            if (line.contains(containing)) {
                found.add(ChainedLines.parse(line));
            }
        }
        return found;
    }

    @Test
    void aBurstOf429sToOneCallerIsOneEntryWithItsCount() throws IOException {
        String subject = "burst-" + UUID.randomUUID();
        String token = TestTokens.sign(TestTokens.builder("lead-unit").subject(subject));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/calendar/holidays").then().statusCode(200);
        }
        for (int i = 0; i < 12; i++) {
            given().auth().oauth2(token).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        }
        log.flush();

        List<Map<String, Object>> entries = entries(subject);
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> burst = entries.get(0);
        assertEquals("denied", burst.get("event"));
        assertEquals(429, burst.get("status"));
        assertEquals(12, burst.get("count"));
        assertEquals(true, burst.get("burst"));
        assertEquals("sub:" + subject, burst.get("client"));
        assertTrue(VerifySecurityLog.verify(EchoBackendResource.SECURITY_LOG).ok());
    }

    @Test
    void badTokensAreCountedPerClientByAKeyedHashNeverItsAddress() throws IOException {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client).auth().oauth2(TestTokens.forged("operator")).when()
                    .get("/api/v1/teams").then().statusCode(401);
        }
        log.flush();

        String all = String.join("\n", lines());
        assertFalse(all.contains(client), "the client's address is personal data");
        assertTrue(entries("\"status\":401").stream().anyMatch(e -> Integer.valueOf(2).equals(e.get("count"))
                && Boolean.FALSE.equals(e.get("burst"))), all);
    }

    @Test
    void aStaffPostIsLoggedWithWhoPathStatusAndRequestIdButNeitherBodyNorTokenNorQuery() throws IOException {
        String subject = "staff-" + UUID.randomUUID();
        String token = TestTokens.sign(TestTokens.builder("operator").subject(subject));
        String requestId = "sec-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId).contentType("application/json")
                .queryParam("contact", "13912345678").body("{\"phone\":\"13800138000\"}")
                .when().post("/api/v1/teams/t-1/suspend").then().statusCode(200);
        // a lead unit's change is not staff's, and staff's reads are the personal-data access record's business
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("lead-unit").subject(subject + "-lu")))
                .contentType("application/json").body("{}").when().post("/api/v1/teams/t-1/suspend");
        given().auth().oauth2(token).when().get("/api/v1/teams/t-1").then().statusCode(200);
        log.flush();

        List<Map<String, Object>> entries = entries(subject);
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> action = entries.get(0);
        assertEquals("staff-action", action.get("event"));
        assertEquals(subject, action.get("sub"));
        assertEquals("operator", action.get("roles"));
        assertEquals("POST", action.get("method"));
        assertEquals("/api/v1/teams/t-1/suspend", action.get("path"));
        assertEquals(200, action.get("status"));
        assertEquals(requestId, action.get("requestId"));
        String all = String.join("\n", lines());
        assertFalse(all.contains("13800138000") || all.contains("13912345678") || all.contains(token), all);
    }
}
