package cn.org.kczg.teams.registration.window;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationWindowResourceTests {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void operatorOpensAWindowThatIsCurrentWhileOpen() {
        Instant era = Fixtures.newEra();
        int year = Fixtures.yearOf(era);
        String id = Fixtures.openWindow(year, era.plus(Duration.ofDays(1)));

        TestClock.set(era);
        given().auth().oauth2(TestTokens.token("lead-unit")).when().get("/api/v1/registration-windows/current")
                .then().statusCode(404).contentType("application/problem+json");
        TestClock.set(era.plus(Duration.ofDays(2)));
        given().auth().oauth2(TestTokens.partner("p")).when().get("/api/v1/registration-windows/current")
                .then().statusCode(200).body("id", equalTo(id)).body("open", equalTo(true))
                .body("note", equalTo("第" + year + "年度申报"));
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/registration-windows/" + id)
                .then().statusCode(200).body("year", equalTo(year));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("year", year)
                .when().get("/api/v1/registration-windows")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().when().get("/api/v1/registration-windows/current").then().statusCode(401);
    }

    @Test
    void windowsOfOneYearMayNotOverlap() {
        Instant era = Fixtures.newEra();
        int year = Fixtures.yearOf(era);
        Fixtures.openWindow(year, era);
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("year", year, "opensAt", era.plus(Duration.ofDays(29)).toString(),
                        "closesAt", era.plus(Duration.ofDays(45)).toString()))
                .when().post("/api/v1/registration-windows")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("window-overlap"));
        // right after it is fine
        Fixtures.openWindow(year, era.plus(Duration.ofDays(30)));
    }

    @Test
    void closingEarlyEndsTheWindowNow() {
        Instant era = Fixtures.newEra();
        String id = Fixtures.openWindow(Fixtures.yearOf(era), era);
        TestClock.set(era.plus(Duration.ofDays(3)));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("reason", "名额已满"))
                .when().post("/api/v1/registration-windows/" + id + "/close")
                .then().statusCode(200).body("open", equalTo(false))
                .body("closedEarlyAt", equalTo(era.plus(Duration.ofDays(3)).toString()));
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/registration-windows/current")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/registration-windows/" + id + "/close")
                .then().statusCode(409);
    }

    @Test
    void onlyOperatorsOpenWindowsAndDatesMustMakeSense() {
        Instant era = Fixtures.newEra();
        Map<String, Object> body = Map.of("year", Fixtures.yearOf(era), "opensAt", era.toString(),
                "closesAt", era.minusSeconds(1).toString());
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/registration-windows").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/registration-windows")
                .then().statusCode(400).body("errors[0].field", equalTo("closesAt"));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("opensAt", "yesterday"))
                .when().post("/api/v1/registration-windows")
                .then().statusCode(400).body("detail", containsString("opensAt"));
    }
}
