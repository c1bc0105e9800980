package cn.org.kczg.teams.registration;

import static io.restassured.RestAssured.given;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import cn.org.kczg.teams.testkit.TestTokens;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builders of test data that go through the API like a real client would. */
public final class Fixtures {
    private static final AtomicLong NAMES = new AtomicLong(System.nanoTime() % 1_000_000_000_000L);
    private static final AtomicLong ERAS = new AtomicLong(0);

    private Fixtures() {
    }

    /** A fresh, valid 统一社会信用代码. */
    public static String newCreditCode() {
        return TestCreditCodes.fresh("5110");
    }

    /**
     * A 60-day stretch of time of its own for a test (from 2030 on, later with each call), so the
     * registration windows of different tests never meet.
     */
    public static Instant newEra() {
        return Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofDays(60 * ERAS.incrementAndGet()));
    }

    public static int yearOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).getYear();
    }

    /** Registers a lead unit of the category, under a code whose registering authority fits it (Art. 5). */
    public static String registerLeadUnit(String category) {
        // 13: a people's organisation (机构编制), as CASTs are; 51: a social organisation (民政), fitting the rest
        String code = category.equals("PROVINCIAL_CAST") ? TestCreditCodes.fresh("1332") : newCreditCode();
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "测试单位" + code.substring(10), "category", category,
                        "contact", Map.of("name", "王敏", "phone", "010-68571234", "email", "wm@example.org.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        return code;
    }

    /** Opens a window of the given year from {@code opensAt} for 30 days; returns its id. */
    public static String openWindow(int year, Instant opensAt) {
        return given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("year", year, "opensAt", opensAt.toString(),
                        "closesAt", opensAt.plusSeconds(30L * 24 * 3600).toString(), "note", "第" + year + "年度申报"))
                .when().post("/api/v1/registration-windows").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> completeApplication(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("categories", List.of("TECH_DISSEMINATION", "INDUSTRY_CONSULTING"));
        body.put("pilotCities", List.of("苏州市", "深圳市"));
        body.put("otherRegions", List.of("长三角"));
        body.put("keyFields", List.of("智能制造", "工业互联网"));
        body.put("experience", "十年产学研合作经验");
        body.put("distinctiveServices", "产线诊断与数字化改造咨询");
        body.put("organisingCapacity", "下设12个专业委员会");
        body.put("workFoundation", "已服务试点城市企业200余家");
        body.put("resourcesCommitted", Map.of("text", "专职人员与年度经费", "yearlyBudget", 500000, "staff", 6));
        body.put("continuityPlan", "建立年度工作计划与季度例会机制");
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("name", "张伟", "field", "机械工程", "title", "教授", "affiliation", "清华大学", "role", "LEADER"));
        members.add(Map.of("name", "李娜", "field", "自动化", "title", "研究员", "affiliation", "中科院自动化所", "role", "MEMBER"));
        body.put("members", members);
        body.put("partnerUnits", List.of(Map.of("name", "苏州工业园区管委会", "duties", "对接园区企业需求")));
        body.put("handler", Map.of("name", "赵强", "phone", "13800138000", "email", "zhaoqiang@example.org.cn",
                "userId", "handler-zhaoqiang"));
        return body;
    }

    public static String createDraft(String leadUnit, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    /** Submits inside a window of its own era (the clock goes back to real time after). */
    public static void submitInOwnWindow(String leadUnit, String applicationId) {
        Instant era = newEra();
        openWindow(yearOf(era), era);
        TestClock.set(era.plus(Duration.ofDays(1)));
        try {
            given().auth().oauth2(TestTokens.leadUnit(leadUnit))
                    .when().post("/api/v1/applications/" + applicationId + "/submit").then().statusCode(200);
        } finally {
            TestClock.reset();
        }
    }

    /** What review-service would publish. */
    public static UUID decide(String applicationId, String leadUnit, ReviewDecided.Decision decision,
            String... reasons) {
        var event = new ReviewDecided(UUID.randomUUID(), UUID.fromString(applicationId), leadUnit, decision,
                List.of(reasons), "reviewer-1", Instant.now(), List.of());
        var envelope = EventJson.envelope(event, "review-service", correlationOfDecision(applicationId), Instant.now());
        KafkaTestClient.produce(Topics.REVIEW, envelope.aggregateId(), EventJson.write(envelope));
        return envelope.eventId();
    }

    /** What evaluation-service (on {@code evaluation.events}) or review-service (on {@code review.events}) announces. */
    public static void ban(String topic, String producer, String leadUnit, LocalDate since) {
        var event = new LeadUnitBanned(UUID.randomUUID(), leadUnit, "SCIENTIFIC", since, since.plusYears(3), "学术不端");
        var envelope = EventJson.envelope(event, producer, "ban-" + event.banId(), Instant.now());
        KafkaTestClient.produce(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    /** The correlation id {@link #decide} gives the decision on an application: what it causes carries it on. */
    public static String correlationOfDecision(String applicationId) {
        return "decision-" + applicationId;
    }

    public static void awaitStatus(String leadUnit, String applicationId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.leadUnit(leadUnit))
                .when().get("/api/v1/applications/" + applicationId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status)));
    }

    /** A live team, made the way a real one is: draft, submit, approval over Kafka. */
    public static String activeTeam(String leadUnit, String name) {
        String id = createDraft(leadUnit, completeApplication(name));
        submitInOwnWindow(leadUnit, id);
        decide(id, leadUnit, ReviewDecided.Decision.APPROVED, "符合条件");
        awaitStatus(leadUnit, id, "APPROVED");
        return given().auth().oauth2(TestTokens.leadUnit(leadUnit)).when().get("/api/v1/applications/" + id)
                .then().extract().path("teamId");
    }

    /** A name nobody else used: the Art. 4 shape around a unique middle. */
    public static String uniqueName(String topic) {
        return "“科创中国”" + topic + NAMES.incrementAndGet() + "科技服务团";
    }
}
