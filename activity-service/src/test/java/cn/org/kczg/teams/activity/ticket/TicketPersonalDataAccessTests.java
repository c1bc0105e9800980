package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 24: the demand side's contact person, read by staff, is in activity-service's personal-data access list. */
@QuarkusTest
class TicketPersonalDataAccessTests {
    static final String LIST = "/api/v1/audit/personal-data-access/activity";

    @Test
    void anAuditorReadingATicketIsRecordedWithTheContactsFields() {
        String partner = unique("pda-");
        String id = push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        String reader = "au-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("auditor").subject(reader)))
                .when().get("/api/v1/tickets/" + id).then().statusCode(200);
        // the partner that pushed it reads its own ticket: not recorded
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("objectId", id).when().get(LIST).then()
                .statusCode(200).body("items", hasSize(1));

        given().auth().oauth2(TestTokens.token("auditor")).queryParam("actor", reader).when().get(LIST).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].objectType", equalTo("ticket"))
                .body("items[0].objectId", equalTo(id))
                .body("items[0].area", equalTo("activity"))
                .body("items[0].fields", equalTo(List.of("contact.email", "contact.name", "contact.phone")))
                .body("items[0].roles", equalTo(List.of("auditor")));
    }
    @Test
    void anOperatorWithdrawingATicketIsRecordedWithTheContactItsReplyCarried() {
        String partner = unique("pdw-");
        String id = push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        String writer = "op-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject(writer)))
                .contentType("application/json").body(java.util.Map.of("reason", "合作方申请撤回该需求"))
                .when().post("/api/v1/tickets/" + id + "/withdraw").then().statusCode(200);

        given().auth().oauth2(TestTokens.token("auditor")).queryParam("actor", writer).when().get(LIST).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].objectType", equalTo("ticket"))
                .body("items[0].objectId", equalTo(id))
                .body("items[0].fields", equalTo(List.of("contact.email", "contact.name", "contact.phone")));
    }
}
