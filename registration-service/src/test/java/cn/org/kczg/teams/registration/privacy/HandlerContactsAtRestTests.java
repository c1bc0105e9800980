package cn.org.kczg.teams.registration.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.crypto.FieldAlgorithm;
import cn.org.kczg.teams.kit.crypto.FieldCipher;
import cn.org.kczg.teams.kit.crypto.ReencryptionJob;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the handler's phone and e-mail are sealed inside the team's and the application's JSON (which stays JSON
 * for SQL), opened for the API, re-sealed by the job, compared opened by erasure, and left out of events.
 */
@QuarkusTest
class HandlerContactsAtRestTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String SEALED = "v1:test-new:AES-GCM:";
    private static final String REASON = "本人依《个人信息保护法》第四十七条申请删除其个人信息，已核实身份";

    @Inject
    EntityManager em;
    @Inject
    ReencryptionJob job;
    @Inject
    FieldCipher fieldCipher;

    private FieldCipher cipher() {
        return fieldCipher;
    }

    private record Made(String unit, String application, String team, String phone, String email, String userId) {
    }

    private static Made team() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        long n = 1_000_000 + Math.abs(System.nanoTime() % 8_999_999);
        String phone = "1365" + n;
        String email = "hd" + n + "@example.org.cn";
        String userId = "handler-sealed-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Fixtures.completeApplication(Fixtures.uniqueName("封存")));
        body.put("handler", Map.of("name", "周密", "phone", phone, "email", email, "userId", userId));
        String application = Fixtures.createDraft(unit, body);
        Fixtures.submitInOwnWindow(unit, application);
        Fixtures.decide(application, unit, ReviewDecided.Decision.APPROVED, "符合条件");
        Fixtures.awaitStatus(unit, application, "APPROVED");
        String team = given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/applications/"
                + application).then().extract().path("teamId");
        return new Made(unit, application, team, phone, email, userId);
    }

    private String text(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql)
                .setParameter("id", UUID.fromString(id)).getSingleResult());
    }

    private void execute(String sql, Map<String, Object> parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    private static FieldCipher underTheOldKey() {
        return new FieldCipher(Map.of("test-old", Base64.getDecoder().decode(ConfigProvider.getConfig()
                .getValue("kczg.crypto.keys.test-old", String.class))), "test-old", FieldAlgorithm.AES_GCM);
    }

    @Test
    void theHandlersPhoneAndEmailAreSealedInsideTheJsonAndTheApiOpensThem() {
        Made m = team();
        String teamPhone = text("select handler->>'phone' from team where id = :id", m.team());
        String teamEmail = text("select handler->>'email' from team where id = :id", m.team());
        assertTrue(teamPhone.startsWith(SEALED) && teamEmail.startsWith(SEALED), teamPhone + " " + teamEmail);
        assertEquals(m.userId(), text("select handler->>'userId' from team where id = :id", m.team()),
                "the rest of the document stays JSON for SQL");
        assertEquals("周密", text("select handler->>'name' from team where id = :id", m.team()));
        String document = text("select cast(handler as text) from team where id = :id", m.team());
        assertFalse(document.contains(m.phone()) || document.contains(m.email()), document);
        String content = text("select cast(content as text) from team_application where id = :id", m.application());
        assertTrue(text("select content->'handler'->>'phone' from team_application where id = :id", m.application())
                .startsWith(SEALED));
        assertFalse(content.contains(m.phone()) || content.contains(m.email()), content);
        // each part is sealed for its place: the team's phone is no application's e-mail
        FieldCipher cipher = cipher();
        assertEquals(m.phone(), cipher.decrypt(teamPhone, "team.handler.phone"));
        assertTrue(failsToOpen(cipher, teamPhone, "team_application.content.handler.phone"));

        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/teams/" + m.team()).then()
                .statusCode(200).body("handler.phone", equalTo(m.phone())).body("handler.email", equalTo(m.email()))
                .body("handler.userId", equalTo(m.userId()));
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/applications/" + m.application())
                .then().statusCode(200).body("handler.phone", equalTo(m.phone()))
                .body("handler.email", equalTo(m.email()));

        // the team's events carry the handler without phone or e-mail
        String activated = text("select envelope from outbox_event where event_type = 'team.activated' and "
                + "aggregate_id = cast(:id as text)", m.team());
        assertTrue(activated.contains(m.userId()), activated);
        assertFalse(activated.contains(m.phone()) || activated.contains(m.email()) || activated.contains("\"phone\"")
                || activated.contains("\"email\""), activated);
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).contentType(ContentType.JSON)
                .body(Map.of("name", "周密", "phone", m.phone(), "email", m.email(), "userId", m.userId()))
                .when().put("/api/v1/teams/" + m.team() + "/handler").then().statusCode(200)
                .body("handler.phone", equalTo(m.phone()));
        String changed = text("select envelope from outbox_event where event_type = 'team.handler-changed' and "
                + "aggregate_id = cast(:id as text) order by id desc limit 1", m.team());
        assertTrue(changed.contains(m.userId()), changed);
        assertFalse(changed.contains(m.phone()) || changed.contains(m.email()), changed);
    }

    private static boolean failsToOpen(FieldCipher cipher, String sealed, String place) {
        try {
            cipher.decrypt(sealed, place);
            return false;
        } catch (FieldCipher.UndecryptableException e) {
            return true;
        }
    }

    @Test
    void partsWrittenBeforeOrUnderTheOldKeyAreReadThenSealedUnderTheCurrentKeyByTheJob() {
        Made m = team();
        execute("update team set handler = jsonb_set(jsonb_set(handler, '{phone}', to_jsonb(cast(:phone as text))), "
                + "'{email}', to_jsonb(cast(:email as text))) where id = :id", Map.of("phone", m.phone(),
                "email", underTheOldKey().encrypt(m.email(), "team.handler.email"), "id", UUID.fromString(m.team())));
        execute("update team_application set content = jsonb_set(content, '{handler,email}', to_jsonb(cast(:email "
                + "as text))) where id = :id", Map.of("email", m.email(), "id", UUID.fromString(m.application())));
        assertEquals(m.phone(), text("select handler->>'phone' from team where id = :id", m.team()));
        // readable before the job: a plain part as it is, the old key is still configured
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/teams/" + m.team()).then()
                .statusCode(200).body("handler.phone", equalTo(m.phone())).body("handler.email", equalTo(m.email()));
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/applications/" + m.application())
                .then().statusCode(200).body("handler.email", equalTo(m.email()));

        ReencryptionJob.Result result = job.run();

        assertTrue(result.rewritten() >= 3, "rewrote " + result);
        String phone = text("select handler->>'phone' from team where id = :id", m.team());
        String email = text("select handler->>'email' from team where id = :id", m.team());
        String applicationEmail = text("select content->'handler'->>'email' from team_application where id = :id",
                m.application());
        assertTrue(phone.startsWith(SEALED) && email.startsWith(SEALED) && applicationEmail.startsWith(SEALED),
                phone + " " + email + " " + applicationEmail);
        assertEquals(m.userId(), text("select handler->>'userId' from team where id = :id", m.team()));
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/teams/" + m.team()).then()
                .statusCode(200).body("handler.phone", equalTo(m.phone())).body("handler.email", equalTo(m.email()))
                .body("handler.name", equalTo("周密"));
        given().auth().oauth2(TestTokens.leadUnit(m.unit())).when().get("/api/v1/applications/" + m.application())
                .then().statusCode(200).body("handler.email", equalTo(m.email()));
        // a second run finds nothing of these left to do
        job.run();
        assertEquals(phone, text("select handler->>'phone' from team where id = :id", m.team()));
        assertEquals(applicationEmail, text("select content->'handler'->>'email' from team_application where id = :id",
                m.application()));
    }

    @Test
    void aHandlerErasedByContactIsFoundByTheOpenedValueSealedOrNot() {
        Made sealed = team();
        Made plain = team();
        execute("update team set handler = jsonb_set(handler, '{email}', to_jsonb(cast(:email as text))) "
                + "where id = :id", Map.of("email", plain.email(), "id", UUID.fromString(plain.team())));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("contact", " " + sealed.email().toUpperCase() + " ", "reason", REASON))
                .when().post("/api/v1/personal-data/erasures").then().statusCode(202)
                .body("services[0].items.find { it.entity == 'Team' }.count", equalTo(1))
                .body("services[0].items.find { it.entity == 'TeamApplication' }.count", equalTo(1));
        given().auth().oauth2(TestTokens.leadUnit(sealed.unit())).when().get("/api/v1/teams/" + sealed.team()).then()
                .statusCode(200).body("handler.name", equalTo("已删除")).body("handler.phone", nullValue())
                .body("handler.email", nullValue()).body("handler.userId", equalTo(sealed.userId()));
        given().auth().oauth2(TestTokens.leadUnit(sealed.unit())).when().get("/api/v1/applications/"
                + sealed.application()).then().statusCode(200).body("handler.name", equalTo("已删除"))
                .body("handler.phone", nullValue());
        String changed = text("select envelope from outbox_event where event_type = 'team.handler-changed' and "
                + "aggregate_id = cast(:id as text) order by id desc limit 1", sealed.team());
        assertTrue(changed.contains("已删除"), changed);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("contact", plain.email(), "reason", REASON))
                .when().post("/api/v1/personal-data/erasures").then().statusCode(202)
                .body("services[0].items.find { it.entity == 'Team' }.count", equalTo(1));
        given().auth().oauth2(TestTokens.leadUnit(plain.unit())).when().get("/api/v1/teams/" + plain.team()).then()
                .statusCode(200).body("handler.name", equalTo("已删除")).body("handler.email", nullValue());
    }
}
