package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /tickets pages by cursor (keyset) beside page numbers, and stops counting a big list at 10,000. */
@QuarkusTest
class TicketPagingTests {
    @Inject
    EntityManager em;

    @Test
    void aCursorWalksEveryTicketOnceWhileNewOnesArriveInFront() {
        String partner = unique("feeder-");
        String token = TestTokens.partner(partner);
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            pushed.add(push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of())));
        }
        for (String sort : List.of("updatedAt,desc", "createdAt,asc", "resolutionDue,desc", "resolutionDue,asc")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().auth().oauth2(token).queryParam("size", 10).queryParam("sort", sort);
                JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                        .when().get("/api/v1/tickets").then().statusCode(200).body("page", equalTo(pages))
                        .body("totalExact", equalTo(true)).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("next");
                pages++;
                // a newer ticket arriving meanwhile goes in front (newest first) or behind the walk; with page
                // numbers it would shift the next page by one and show a ticket twice
                if (pages == 1 && sort.equals("updatedAt,desc")) {
                    push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
                }
            } while (cursor != null);
            assertEquals(3, pages, sort);
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": a ticket shown twice");
            assertEquals(new HashSet<>(pushed), new HashSet<>(seen.stream().filter(pushed::contains).toList()), sort);
        }
        // the cursor's pages hold what the numbered pages hold when nothing changes in between
        List<String> numbered = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            numbered.addAll(given().auth().oauth2(token).queryParam("size", 10).queryParam("page", page)
                    .queryParam("sort", "createdAt,asc").when().get("/api/v1/tickets").then().statusCode(200)
                    .body("total", equalTo(24)).extract().jsonPath().getList("items.id"));
        }
        String next = given().auth().oauth2(token).queryParam("size", 10).queryParam("page", 1)
                .queryParam("sort", "createdAt,asc").when().get("/api/v1/tickets").then().statusCode(200)
                .extract().path("next");
        given().auth().oauth2(token).queryParam("size", 10).queryParam("sort", "createdAt,asc")
                .queryParam("cursor", next).when().get("/api/v1/tickets").then().statusCode(200)
                .body("page", equalTo(2)).body("items.id", equalTo(numbered.subList(20, 24)))
                .body("next", nullValue());
    }

    @Test
    void aCursorThatIsNotOneThisListGaveIsA400NamingIt() {
        String partner = unique("feeder-");
        for (int i = 0; i < 2; i++) {
            push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        }
        String token = TestTokens.partner(partner);
        String next = given().auth().oauth2(token).queryParam("size", 1).when().get("/api/v1/tickets").then()
                .statusCode(200).extract().path("next");
        String json = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        String otherSort = encode(json.replace("updatedAt,desc", "createdAt,desc"));
        String wrongType = encode(json.replaceFirst("\"k\":\\[\"[^\"]*\"", "\"k\":[\"gestern\""));
        for (String bad : List.of("%%%", "bm90IGpzb24", encode("{\"s\":1}"), otherSort, wrongType, "A".repeat(2000),
                encode("{\"s\":\"updatedAt,desc;id,asc\",\"p\":-4,\"k\":[null,null]}"))) {
            given().auth().oauth2(token).queryParam("cursor", bad).when().get("/api/v1/tickets").then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation"))
                    .body("errors[0].field", equalTo("cursor"));
        }
        // the same cursor under another sort
        given().auth().oauth2(token).queryParam("cursor", next).queryParam("sort", "createdAt,desc").when()
                .get("/api/v1/tickets").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(token).queryParam("cursor", next).queryParam("page", 3).when().get("/api/v1/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(token).queryParam("count", "roughly").when().get("/api/v1/tickets").then()
                .statusCode(400).body("errors[0].field", equalTo("count"));
        given().auth().oauth2(TestTokens.token("operator")).header("Accept-Language", "en")
                .queryParam("cursor", "%%%").when().get("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aListOfMoreThanTenThousandIsEstimatedUnlessAnExactCountIsAskedFor() {
        String partner = unique("bulk-");
        String template = push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ticket (id, partner, "
                + "external_id, project_name, industry_field, region, demand_side_name, status, created_at, updated_at) "
                + "select gen_random_uuid(), partner, external_id || '-' || n, project_name, industry_field, region, "
                + "demand_side_name, status, created_at - n * interval '1 second', updated_at - n * interval '1 second' "
                + "from ticket, generate_series(1, 10000) n where id = :id").setParameter("id", UUID.fromString(template))
                .executeUpdate());
        try {
            String token = TestTokens.partner(partner);
            given().auth().oauth2(token).when().get("/api/v1/tickets").then().statusCode(200)
                    .body("total", equalTo(10_001)).body("totalExact", equalTo(false)).body("items.size()", equalTo(20));
            given().auth().oauth2(token).queryParam("count", "exact").when().get("/api/v1/tickets").then()
                    .statusCode(200).body("total", equalTo(10_001)).body("totalExact", equalTo(true));
            // a narrower list under the limit is exact again
            given().auth().oauth2(token).queryParam("status", "CLOSED").when().get("/api/v1/tickets").then()
                    .statusCode(200).body("total", equalTo(0)).body("totalExact", equalTo(true));
            // the 500th page by number and by cursor
            JsonPath deep = given().auth().oauth2(token).queryParam("page", 499).when().get("/api/v1/tickets").then()
                    .statusCode(200).extract().jsonPath();
            String after = deep.getString("next");
            JsonPath last = given().auth().oauth2(token).queryParam("cursor", after).when().get("/api/v1/tickets")
                    .then().statusCode(200).body("page", equalTo(500)).extract().jsonPath();
            assertEquals(1, last.getList("items").size());
            assertNull(last.getString("next"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from ticket where partner = :p "
                    + "and id <> :id").setParameter("p", partner).setParameter("id", UUID.fromString(template))
                    .executeUpdate());
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
