package cn.org.kczg.teams.registration.leadunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadUnitResourceTests {
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    static final String ALLOWED = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** A fresh valid credit code per test, so tests do not collide on the shared database: an enterprise's. */
    static String newCreditCode() {
        return newCreditCode("9111");
    }

    /** The same, starting with {@code prefix} (registering authority, kind, region): 5110 a national society's. */
    static String newCreditCode(String prefix) {
        String body = prefix + String.format("%013d", Math.abs(System.nanoTime()) % 10_000_000_000_000L);
        return body + CreditCode.checkCharacter(body);
    }

    static Map<String, Object> unit(String creditCode, String name, String category) {
        return Map.of("creditCode", creditCode, "name", name, "category", category,
                "contact", Map.of("name", "王敏", "phone", "010-68571234", "email", "wangmin@example.org.cn"));
    }

    @Test
    void leadUnitRegistersItselfAndGetsLocation() {
        String code = newCreditCode("5110");
        given().auth().oauth2(TestTokens.leadUnit(code)).contentType(ContentType.JSON)
                .body(unit(code.toLowerCase(), "中国机械工程学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/lead-units/" + code))
                .body("creditCode", equalTo(code))
                .body("name", equalTo("中国机械工程学会"))
                .body("contact.name", equalTo("王敏"));

        given().auth().oauth2(TestTokens.leadUnit(code))
                .when().get("/api/v1/lead-units/" + code)
                .then().statusCode(200).body("category", equalTo("NATIONAL_SOCIETY"));
    }

    @Test
    void theContactsPhoneAndEmailAreSealedInTheirColumns() {
        String code = newCreditCode("5110");
        given().auth().oauth2(TestTokens.leadUnit(code)).contentType(ContentType.JSON)
                .body(unit(code, "中国密码学会", "NATIONAL_SOCIETY")).when().post("/api/v1/lead-units")
                .then().statusCode(201).body("contact.phone", equalTo("010-68571234"));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select contact_phone, contact_email from lead_unit where credit_code = :code")
                .setParameter("code", code).getSingleResult());
        for (Object value : row) {
            assertTrue(((String) value).startsWith("v1:test-new:AES-GCM:"), "sealed: " + value);
        }
        assertFalse(((String) row[0]).contains("68571234"));
        assertFalse(((String) row[1]).contains("wangmin"));
        given().auth().oauth2(TestTokens.leadUnit(code)).when().get("/api/v1/lead-units/" + code).then()
                .statusCode(200).body("contact.phone", equalTo("010-68571234"))
                .body("contact.email", equalTo("wangmin@example.org.cn"));
    }

    @Test
    void registeringEmitsOneEventWithTheEnvelopeSet() {
        String code = newCreditCode("1332");
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .header("X-Request-Id", "req-" + code)
                .body(unit(code, "江苏省科学技术协会", "PROVINCIAL_CAST"))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        // a later registration is published after any copy of the first, so read up to it and count
        String later = newCreditCode("5110");
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(later, "后续学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.REGISTRATION,
                Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> later.equals(r.key()))
                        && read.stream().anyMatch(r -> code.equals(r.key())))
                .stream().filter(r -> code.equals(r.key())).toList();
        assertEquals(1, records.size(), "exactly one event for the registration");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(code, record.key());
        assertEquals("lead-unit.registered", KafkaTestClient.headers(record).get("type"));
        EventEnvelope envelope = EventJson.read(record.value());
        assertEquals("lead-unit.registered", envelope.type());
        assertEquals(1, envelope.version());
        assertEquals("lead-unit", envelope.aggregateType());
        assertEquals(code, envelope.aggregateId());
        assertEquals("registration-service", envelope.producer());
        assertEquals("req-" + code, envelope.correlationId());
        assertEquals("江苏省科学技术协会", envelope.payload().get("name").asText());
        assertEquals("PROVINCIAL_CAST", envelope.payload().get("category").asText());
        org.junit.jupiter.api.Assertions.assertNotNull(envelope.eventId());
        org.junit.jupiter.api.Assertions.assertNotNull(envelope.occurredAt());
    }

    /** docs/personal-data.md, "Masking": a problem names the personal field it refuses, never the value. */
    @Test
    void aRefusedPhoneOrEmailIsNamedNotEchoed() {
        String code = newCreditCode();
        for (String language : List.of("zh", "en")) {
            String body = given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                    .header("Accept-Language", language)
                    .body(Map.of("creditCode", code, "name", "某学会", "category", "NATIONAL_SOCIETY", "contact",
                            Map.of("name", "周敏", "phone", "13700137000转分机x", "email", "zhou.min.secret@")))
                    .when().post("/api/v1/lead-units")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("contact.phone")).body("errors.field", hasItem("contact.email"))
                    .extract().asString();
            assertFalse(body.contains("13700137000") || body.contains("zhou.min.secret"), body);
        }
        // nor does a body that is no JSON at all come back in parts
        String malformed = given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body("zhou13700137000")
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).body("code", equalTo("malformed-json")).extract().asString();
        assertFalse(malformed.contains("13700137000") || malformed.contains("zhou"), malformed);
    }

    @Test
    void rejectsBadCreditCodeNamingTheField() {
        String code = newCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(unit(wrong, "某学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("creditCode"))
                .body("detail", containsString("check character"))
                .body("detail", containsString("ends with " + code.charAt(17)));
        // Chinese unless the caller prefers English, the same field and code
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(wrong, "某学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors.find { it.field == 'creditCode' }.message",
                        equalTo("校验码错误：以 " + wrong.substring(0, 17) + " 开头的统一社会信用代码，末位应为 "
                                + code.charAt(17)));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(code.substring(0, 5) + "I" + code.substring(6), "某学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400)
                .body("errors.find { it.field == 'creditCode' }.message", containsString("第 6 位字符“I”不允许使用"));
    }

    @Test
    void rejectsMissingFieldsAndBadEnumNamingEachField() {
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("creditCode", newCreditCode(), "contact", Map.of("name", "", "phone", "x", "email", "no")))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("contact.email"))
                .body("errors.field", hasItem("contact.phone"))
                .body("errors.find { it.field == 'contact.phone' }.message", equalTo("必须是有效的电话号码"));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .body(Map.of("creditCode", newCreditCode(), "contact", Map.of("name", "", "phone", "x", "email", "no")))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors.find { it.field == 'contact.phone' }.message", equalTo("must be a phone number"))
                .body("errors.find { it.field == 'name' }.message", equalTo("must not be blank"));

        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(newCreditCode(), "某学会", "CLUB"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("detail", containsString("NATIONAL_SOCIETY"));
    }

    @Test
    void rejectsUnknownPropertiesAndMalformedJson() {
        String code = newCreditCode();
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body("{\"creditCode\":\"" + code + "\",\"name\":\"x\",\"category\":\"OTHER\",\"id\":\"mine\","
                        + "\"contact\":{\"name\":\"a\",\"phone\":\"010-1234567\",\"email\":\"a@b.cn\"}}")
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-field")).body("errors[0].field", equalTo("id"));

        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body("{\"creditCode\": ")
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-json")).body("detail", notNullValue());
    }

    @Test
    void withoutTokenIs401AndForgedTokenIs401WithProblemBody() {
        given().contentType(ContentType.JSON).body(unit(newCreditCode(), "x", "OTHER"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(TestTokens.forged("operator"))
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json").body("detail", notNullValue());
    }

    @Test
    void anEnterprisesCodeCannotRegisterAsANationalSocietyUnlessAnOperatorGivesAReason() {
        String enterprise = newCreditCode("9111");
        given().auth().oauth2(TestTokens.leadUnit(enterprise)).contentType(ContentType.JSON)
                .body(unit(enterprise, "某科技有限公司", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).body("code", equalTo("validation")).body("errors[0].field", equalTo("category"))
                .body("errors[0].message", startsWith("统一社会信用代码首位“9”表示登记管理部门为工商（市场监管）部门，"
                        + "而“全国学会、协会、研究会”（NATIONAL_SOCIETY）不由该部门登记"));
        given().auth().oauth2(TestTokens.leadUnit(enterprise)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(unit(enterprise, "某科技有限公司", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("errors[0].message", startsWith("a credit code starting with 9 is registered by industry and "
                        + "commerce"));
        String reason = "该学会经中国科协批准以所办企业名义登记，暂用企业信用代码，经核实属全国学会";
        given().auth().oauth2(TestTokens.leadUnit(enterprise)).contentType(ContentType.JSON)
                .body(withOverride(unit(enterprise, "某科技有限公司", "NATIONAL_SOCIETY"), reason))
                .when().post("/api/v1/lead-units").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(withOverride(unit(enterprise, "某科技有限公司", "NATIONAL_SOCIETY"), "经核实属全国学会"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(400).body("errors[0].field", equalTo("categoryOverrideReason"))
                .body("errors[0].message", containsString("现为 8 个字"));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(withOverride(unit(enterprise, "某科技有限公司", "NATIONAL_SOCIETY"), reason))
                .when().post("/api/v1/lead-units")
                .then().statusCode(201).body("category", equalTo("NATIONAL_SOCIETY"));
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> audit.of("lead-unit", enterprise).stream()
                .filter(e -> e.action.equals("lead-unit.category-overridden")).map(e -> e.reason).toList());
        assertEquals(1, audited.size(), "audited: " + audited);
        assertTrue(audited.get(0).endsWith(reason), audited.get(0));
    }

    @Test
    void aCategoryThatFitsTheRegisteringAuthorityNeedsNoReason() {
        String cast = newCreditCode("1332");
        given().auth().oauth2(TestTokens.leadUnit(cast)).contentType(ContentType.JSON)
                .body(unit(cast, "江苏省科学技术协会", "PROVINCIAL_CAST"))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        String society = newCreditCode("5110");
        given().auth().oauth2(TestTokens.leadUnit(society)).contentType(ContentType.JSON)
                .body(unit(society, "某研究会", "PROVINCIAL_CAST"))
                .when().post("/api/v1/lead-units").then().statusCode(400).body("errors[0].field", equalTo("category"));
    }

    private static Map<String, Object> withOverride(Map<String, Object> unit, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(unit);
        body.put("categoryOverrideReason", reason);
        return body;
    }

    @Test
    void wrongRoleIs403AndOtherOrgRegistrationIs403() {
        given().auth().oauth2(TestTokens.partner("p1")).contentType(ContentType.JSON)
                .body(unit(newCreditCode(), "x", "OTHER"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(403).contentType("application/problem+json").body("detail", notNullValue());

        given().auth().oauth2(TestTokens.leadUnit(newCreditCode())).contentType(ContentType.JSON)
                .body(unit(newCreditCode(), "x", "OTHER"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherOrganisationsUnitIs404ButStaffSeeIt() {
        String code = newCreditCode();
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(code, "清华大学", "UNIVERSITY_INSTITUTE_ENTERPRISE"))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        given().auth().oauth2(TestTokens.leadUnit(newCreditCode()))
                .when().get("/api/v1/lead-units/" + code)
                .then().statusCode(404).contentType("application/problem+json");
        for (String role : List.of("operator", "reviewer", "auditor")) {
            given().auth().oauth2(TestTokens.token(role))
                    .when().get("/api/v1/lead-units/" + code)
                    .then().statusCode(200).body("name", equalTo("清华大学"));
        }
        given().auth().oauth2(TestTokens.token("operator"))
                .when().get("/api/v1/lead-units/" + newCreditCode())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateCreditCodeIs409() {
        String code = newCreditCode("5110");
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(code, "中国化工学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        given().auth().oauth2(TestTokens.leadUnit(code)).contentType(ContentType.JSON)
                .body(unit(code, "中国化工学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("lead-unit-exists"))
                .body("title", equalTo("冲突"))
                .body("detail", equalTo("统一社会信用代码为 " + code + " 的牵头单位已登记，请勿重复登记。"));
        given().auth().oauth2(TestTokens.leadUnit(code)).contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(unit(code, "中国化工学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("lead-unit-exists"))
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("A lead unit with credit code " + code + " is already registered."));
    }

    @Test
    void listPagesAndFiltersAndALeadUnitSeesOnlyItself() {
        String own = newCreditCode("5110");
        String keyword = "滤" + own.substring(10);
        given().auth().oauth2(TestTokens.leadUnit(own)).contentType(ContentType.JSON)
                .body(unit(own, "中国" + keyword + "学会", "NATIONAL_SOCIETY"))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(unit(newCreditCode("5133"), "浙江" + keyword + "协会", "PROVINCIAL_SOCIETY"))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        given().auth().oauth2(TestTokens.token("reviewer"))
                .queryParam("name", keyword).queryParam("size", 1).queryParam("sort", "name,asc")
                .when().get("/api/v1/lead-units")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("page", equalTo(0))
                .body("items[0].name", equalTo("中国" + keyword + "学会"));
        given().auth().oauth2(TestTokens.token("reviewer"))
                .queryParam("name", keyword).queryParam("category", "PROVINCIAL_SOCIETY")
                .when().get("/api/v1/lead-units")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].category", equalTo("PROVINCIAL_SOCIETY"));
        given().auth().oauth2(TestTokens.leadUnit(own)).queryParam("name", keyword)
                .when().get("/api/v1/lead-units")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].creditCode", equalTo(own));
        given().auth().oauth2(TestTokens.token("operator")).queryParam("size", 101)
                .when().get("/api/v1/lead-units")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Test
    void aLeadUnitCorrectsItsProfileAuditedAndAnnouncedWithTheCategoryBefore() {
        String code = newCreditCode("5110");
        String token = TestTokens.leadUnit(code);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(unit(code, "中国某某学会", "PROVINCIAL_SOCIETY")).when().post("/api/v1/lead-units")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"name\": \"中国某某工程学会\", \"category\": \"NATIONAL_SOCIETY\", \"contact\": {\"phone\": \"010-68570000\"}}")
                .when().patch("/api/v1/lead-units/" + code.toLowerCase())
                .then().statusCode(200).body("name", equalTo("中国某某工程学会"))
                .body("category", equalTo("NATIONAL_SOCIETY"))
                .body("contact.phone", equalTo("010-68570000")).body("contact.name", equalTo("王敏"));

        var trail = QuarkusTransaction.requiringNew().call(() -> audit.history("lead-unit", code));
        var updated = trail.stream().filter(e -> e.action().equals("lead-unit.updated")).toList();
        assertEquals(1, updated.size(), trail.toString());
        assertTrue(updated.get(0).reason().contains("category: PROVINCIAL_SOCIETY → NATIONAL_SOCIETY"),
                updated.get(0).reason());
        assertTrue(updated.get(0).reason().contains("contact"), updated.get(0).reason());

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.REGISTRATION,
                Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> code.equals(r.key())
                        && "lead-unit.updated".equals(KafkaTestClient.headers(r).get("type"))));
        EventEnvelope envelope = records.stream().filter(r -> code.equals(r.key())
                && "lead-unit.updated".equals(KafkaTestClient.headers(r).get("type")))
                .map(r -> EventJson.read(r.value())).findFirst().orElseThrow();
        assertEquals("NATIONAL_SOCIETY", envelope.payload().get("category").asText());
        assertEquals("PROVINCIAL_SOCIETY", envelope.payload().get("previousCategory").asText());
        assertEquals("中国某某工程学会", envelope.payload().get("name").asText());
    }

    @Test
    void aCorrectionIsCheckedAsARegistrationIs() {
        String code = newCreditCode();
        String token = TestTokens.leadUnit(code);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(unit(code, "某科技有限公司", "UNIVERSITY_INSTITUTE_ENTERPRISE")).when().post("/api/v1/lead-units")
                .then().statusCode(201);
        // an enterprise's code (91…) cannot become a national society without an operator's written reason
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"category\": \"NATIONAL_SOCIETY\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"category\": \"NATIONAL_SOCIETY\", \"categoryOverrideReason\": \"经主管部门批准按全国学会管理的特殊情形\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("operator")).contentType(MERGE_PATCH)
                .body("{\"category\": \"NATIONAL_SOCIETY\", \"categoryOverrideReason\": \"经主管部门批准按全国学会管理的特殊情形说明\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(200)
                .body("category", equalTo("NATIONAL_SOCIETY"));
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"creditCode\": \"" + newCreditCode() + "\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("creditCode"));
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"name\": \"\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"contact\": {\"email\": \"not-mail\"}}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("contact.email"));
        // another organisation's profile does not exist for this caller
        String other = newCreditCode();
        given().auth().oauth2(TestTokens.leadUnit(other)).contentType(MERGE_PATCH).body("{\"name\": \"冒名\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(MERGE_PATCH).body("{\"name\": \"x\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(403);
    }
}
