package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketResourceTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    TicketService service;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aTeamThatStopsBeingActiveReturnsTheTicketsItHoldsToTheHall() {
        String unit = unique("LU");
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unit, handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String held = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        String answered = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"),
                List.of()));
        DemandHall.awaitMatchable(held, teamId);
        String team = TestTokens.handler(handler, teamId.toString());
        for (String id : List.of(held, answered)) {
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配"))
                    .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
            given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/accept").then().statusCode(200);
        }
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "已提供方案"))
                .when().post("/api/v1/tickets/" + answered + "/answer").then().statusCode(200);

        DemandHall.publish(new TeamStatusChanged(teamId, unit, "ACTIVE", "REVOKED", "撤销资格", Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/tickets/" + held).then().statusCode(200)
                .body("status", equalTo("NEW")).body("teamId", equalTo(null))
                .body("history.action", hasItem("ticket.returned")));
        var returned = KafkaTestClient.readMatching(Topics.ACTIVITY, "\"ticket.returned\"", 1, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value())).filter(e -> e.aggregateId().equals(held)).toList();
        assertEquals(1, returned.size());
        assertEquals(teamId.toString(), returned.get(0).payload().get("teamId").asText());
        assertEquals("ACCEPTED", returned.get(0).payload().get("from").asText());
        // an answered ticket waits for the demand side; the team's work on it stands
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + answered).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("teamId", equalTo(teamId.toString()));
        // the returned ticket is no longer the team's
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + held + "/accept").then().statusCode(404);
    }

    @Test
    void onlyTheDesignatedHandlerADeputyOrTheLeadUnitWorksForTheTeam() {
        String unit = unique("LU");
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unit, handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配"))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
        // someone whose token names the team, but who is not its handler: sees the ticket, does not act
        String colleague = TestTokens.handler(unique("colleague-"), teamId.toString());
        given().auth().oauth2(colleague).when().get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(colleague).header("Accept-Language", "en").when().post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"))
                .body("detail", containsString("designated handler"));

        // the lead unit names another handler and a deputy: the former handler no longer acts, the deputy does
        String deputy = unique("deputy-");
        DemandHall.publish(new TeamHandlerChanged(teamId, new Handler("钱芳", unique("h2-"),
                List.of(deputy)), Instant.now()));
        String former = TestTokens.handler(handler, teamId.toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(former)
                .when().post("/api/v1/tickets/" + id + "/accept").then().statusCode(403));
        given().auth().oauth2(TestTokens.handler(deputy, teamId.toString())).when()
                .post("/api/v1/tickets/" + id + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // the lead unit always acts for its team
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("reason", "请补充设备型号")).when().post("/api/v1/tickets/" + id + "/request-info")
                .then().statusCode(200).body("status", equalTo("WAITING_ON_DEMAND"));
        // every transition is in the audit trail too, with who did it
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> cn.org.kczg.teams.kit.audit.AuditEntry
                .<cn.org.kczg.teams.kit.audit.AuditEntry>list("aggregateType = 'ticket' and aggregateId = ?1 order by id",
                        id).stream().map(e -> e.action + " " + e.actor).toList());
        assertEquals(List.of("ticket.assigned test-operator", "ticket.accepted " + deputy,
                "ticket.info-requested test-lead-unit"), audited.subList(audited.size() - 3, audited.size()));
        // assigning to a team that does not exist names it: 404
        UUID nowhere = UUID.randomUUID();
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(nowhere, "改派"))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"))
                .body("detail", equalTo("未找到科技服务团 " + nowhere + "。"));
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(assign(nowhere, "改派")).when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"))
                .body("detail", equalTo("No team " + nowhere + "."));
    }

    /** docs/personal-data.md, "Masking": a problem names the contact field it refuses, never the value. */
    @Test
    void aRefusedContactIsNamedNotEchoed() {
        Map<String, Object> body = ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of());
        body.put("contact", Map.of("name", "孙经理", "phone", "13912345678".repeat(3),
                "email", "sun.secret.13912345678@@example.cn"));
        for (String language : List.of("zh", "en")) {
            String problem = given().auth().oauth2(TestTokens.partner(unique("feeder-"))).contentType(ContentType.JSON)
                    .header("Accept-Language", language).body(body).when().post("/api/v1/tickets")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("contact.phone", "contact.email")).extract().asString();
            assertFalse(problem.contains("13912345678") || problem.contains("sun.secret"), problem);
        }
        String malformed = given().auth().oauth2(TestTokens.partner(unique("feeder-"))).contentType(ContentType.JSON)
                .body("sunsecret13912345678").when().post("/api/v1/tickets")
                .then().statusCode(400).body("code", equalTo("malformed-json")).extract().asString();
        assertFalse(malformed.contains("sunsecret") || malformed.contains("13912345678"), malformed);
    }

    @Test
    void aRepeatedPushReturnsTheFirstTicket() {
        String partner = unique("feeder-");
        Map<String, Object> body = ticket(unique("XQ-"), "智能制造", "苏州市", List.of("TECH_TRANSFER"), List.of());
        String id = push(partner, body);
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets").then().statusCode(200).body("id", equalTo(id));
        // the same Idempotency-Key returns the first result even if the body changed
        Map<String, Object> other = ticket(unique("XQ-"), "新材料", "无锡市", List.of(), List.of());
        String keyed = given().auth().oauth2(TestTokens.partner(partner)).header("Idempotency-Key", "k-" + id)
                .contentType(ContentType.JSON).body(other).when().post("/api/v1/tickets")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.partner(partner)).header("Idempotency-Key", "k-" + id)
                .contentType(ContentType.JSON).body(ticket(unique("XQ-"), "x", "y", List.of(), List.of()))
                .when().post("/api/v1/tickets").then().statusCode(200).body("id", equalTo(keyed));
        // another partner's same external id is another ticket
        given().auth().oauth2(TestTokens.partner(unique("other-"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets").then().statusCode(201).body("id", not(equalTo(id)));
    }

    @Test
    void twoIdenticalPushesRacingMakeOneTicket() throws Exception {
        String partner = unique("feeder-");
        Map<String, Object> body = ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/tickets").thenReturn();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Future<Response> r : results) {
            statuses.add(r.get().statusCode());
            ids.add(r.get().path("id"));
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 200, 200, 201), statuses);
        assertEquals(1, ids.stream().distinct().count());
    }

    @Test
    void badTicketsNameEachField() {
        given().auth().oauth2(TestTokens.partner("p")).contentType(ContentType.JSON)
                .body(Map.of("projectName", "x".repeat(201), "demandSide", Map.of(), "categories", List.of("X")))
                .when().post("/api/v1/tickets").then().statusCode(400).body("errors[0].field", equalTo("categories[0]"));
        given().auth().oauth2(TestTokens.partner("p")).contentType(ContentType.JSON)
                .body(Map.of("projectName", "x".repeat(201), "demandSide", Map.of()))
                .when().post("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItems("projectName", "industryField", "technicalProblems", "region",
                        "externalId", "demandSide.name"));
        given().auth().oauth2(TestTokens.token("lead-unit")).contentType(ContentType.JSON)
                .body(ticket("1", "a", "b", List.of(), List.of())).when().post("/api/v1/tickets").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("partner")).contentType(ContentType.JSON)
                .body(ticket("1", "a", "b", List.of(), List.of())).when().post("/api/v1/tickets").then().statusCode(403);
    }

    @Test
    void aPartnerSeesOnlyItsOwnTicketsAndPollsByUpdateTime() {
        String mine = unique("feeder-");
        Instant before = Instant.now().minusSeconds(1);
        String first = push(mine, ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));
        String second = push(mine, ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));
        String theirs = push(unique("feeder-"), ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));
        given().auth().oauth2(TestTokens.partner(mine)).queryParam("updatedSince", before.toString())
                .when().get("/api/v1/tickets").then().statusCode(200)
                .body("items.id", contains(first, second)).body("total", equalTo(2));
        given().auth().oauth2(TestTokens.partner(mine)).when().get("/api/v1/tickets/" + theirs).then().statusCode(404);
        given().auth().oauth2(TestTokens.partner(mine)).queryParam("updatedSince", "yesterday")
                .when().get("/api/v1/tickets").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/tickets").then().statusCode(403);
    }

    @Test
    void fromPushToClosureWithMatchingHistoryAndEvents() {
        String leadUnit = unique("LU");
        String handler = unique("handler-");
        UUID best = DemandHall.team(leadUnit, handler, List.of("TECH_TRANSFER", "RD_SUPPORT"), "苏州市",
                List.of("智能制造"), "智能制造产线诊断与工业机器人应用");
        UUID weaker = DemandHall.team(unique("LU"), unique("h-"), List.of("TECH_DISSEMINATION"), "寿光市",
                List.of("现代农业"), "设施农业");
        String partner = unique("feeder-");
        String id = push(partner, ticket(unique("XQ-"), "智能制造", "苏州", List.of("TECH_TRANSFER"), List.of("机器人")));
        DemandHall.awaitMatchable(id, best);
        DemandHall.awaitMatchable(id, weaker);
        // other tests' teams share the database (some with this very profile): this one is judged by its own entry
        var matches = given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id + "/matches").then()
                .statusCode(200).extract().jsonPath();
        String ours = "items.find { it.teamId == '" + best + "' }.";
        assertEquals(25.0f, matches.getFloat(ours + "parts.categories"));
        assertEquals(25.0f, matches.getFloat(ours + "parts.place"));
        assertTrue(matches.getList(ours + "matchedWords").contains("智能制造"));
        assertTrue(matches.getFloat(ours + "score")
                > matches.getFloat("items.find { it.teamId == '" + weaker + "' }.score"));
        assertEquals(0.0f, matches.getFloat(ours + "parts.outcomes"), 0.0f);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(best, "最佳匹配"))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("firstResponseDue", notNullValue())
                .body("resolutionDue", notNullValue());
        String team = TestTokens.handler(handler, best.toString());
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("reason", "请提供产线节拍数据"))
                .when().post("/api/v1/tickets/" + id + "/request-info").then().statusCode(200)
                .body("status", equalTo("WAITING_ON_DEMAND"));
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("reason", "已补充节拍数据")).when().post("/api/v1/tickets/" + id + "/resume")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        for (String link : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
                "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x", "https://", "https:// kczg.org.cn")) {
            given().auth().oauth2(team).contentType(ContentType.JSON)
                    .body(Map.of("text", "建议采用柔性夹具与视觉定位", "links", List.of(link)))
                    .when().post("/api/v1/tickets/" + id + "/answer").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("links[0]"));
        }
        given().auth().oauth2(team).contentType(ContentType.JSON)
                .body(Map.of("text", "建议采用柔性夹具与视觉定位", "links", List.of("https://kczg.org.cn/x/1",
                        "http://www.cast.org.cn/art/2024/科技服务团.html?id=1#top")))
                .when().post("/api/v1/tickets/" + id + "/answer").then().statusCode(200)
                .body("answer.text", equalTo("建议采用柔性夹具与视觉定位"));
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/resolve").then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(Map.of("reason", "仍有问题"))
                .when().post("/api/v1/tickets/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("REOPENED"));
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "补充方案"))
                .when().post("/api/v1/tickets/" + id + "/answer").then().statusCode(200);
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/resolve").then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(partner)).when().post("/api/v1/tickets/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.action", contains("ticket.created", "ticket.assigned", "ticket.accepted",
                        "ticket.info-requested", "ticket.resumed", "ticket.answered", "ticket.resolved",
                        "ticket.reopened", "ticket.answered", "ticket.resolved", "ticket.closed"))
                .body("history[1].reason", equalTo("最佳匹配")).body("history[1].to", equalTo("ASSIGNED"))
                .body("history[2].actor", equalTo(handler)).body("history[2].role", equalTo("handler"))
                // both answers are kept, the first as given; `answer` is the latest
                .body("answer.text", equalTo("补充方案")).body("answers.version", contains(1, 2))
                .body("answers.text", contains("建议采用柔性夹具与视觉定位", "补充方案"))
                .body("answers[0].links.size()", equalTo(2)).body("answers[1].by", equalTo(handler));

        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("ticket.closed")));
        List<String> types = records.stream().filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value()).type())
                .toList();
        assertEquals(List.of("ticket.created", "ticket.assigned", "ticket.accepted", "ticket.info-requested",
                "ticket.resumed", "ticket.answered", "ticket.resolved", "ticket.reopened", "ticket.answered",
                "ticket.resolved", "ticket.closed"), types);

        // issue 22: the ticket it resolved on time now counts for the team on a similar demand (its profile changed)
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id + "/matches").then().statusCode(200)
                .body("items.find { it.teamId == '" + best + "' }.parts.outcomes", equalTo(5.0f));

        // the lead unit of the team sees it; another lead unit does not
        given().auth().oauth2(TestTokens.leadUnit(leadUnit)).when().get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit(unique("LU"))).when().get("/api/v1/tickets/" + id).then().statusCode(404);
    }

    @Test
    void illegalTransitionsAndWrongActorsAreRefused() {
        UUID teamId = DemandHall.team(unique("LU"), "h1", List.of("RD_SUPPORT"), "合肥市", List.of("量子"), "量子测量");
        String partner = unique("feeder-");
        String id = push(partner, ticket(unique("XQ-"), "量子", "合肥市", List.of("RD_SUPPORT"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        String team = TestTokens.handler("h1", teamId.toString());
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/accept").then().statusCode(404);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + id + "/resolve")
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
        given().auth().oauth2(TestTokens.partner(partner)).when().post("/api/v1/tickets/" + id + "/close")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.partner(partner)).when().post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + id + "/assign")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("reason", "超出服务范围"))
                .when().post("/api/v1/tickets/" + id + "/decline").then().statusCode(200)
                .body("status", equalTo("NEW")).body("teamId", equalTo(null));
        given().auth().oauth2(team).when().get("/api/v1/tickets/" + id).then().statusCode(404);
    }

    @Test
    void aTicketFromACountyAboutRobotsFindsTheRobotTeamOfItsCityByTheWordsOfItsText() {
        UUID robots = UUID.randomUUID();
        DemandHall.publish(new TeamActivated(robots, UUID.randomUUID(), "“科创中国”宁波机器人" + unique("") + "科技服务团",
                unique("LU"), "单位", "NATIONAL_SOCIETY", 2026, "数控系统 工业机器人 产线改造 数字化车间",
                List.of("RD_SUPPORT"), List.of("宁波市"), List.of(), List.of("先进制造"),
                new Handler("赵强", unique("h-"), List.of()), Instant.now(),
                "注塑车间上下料自动化", "服务余姚、慈溪模具企业", List.of("机械工程")));
        UUID farming = DemandHall.team(unique("LU"), unique("h-"), List.of("RD_SUPPORT"), "宁波市", List.of("现代农业"),
                "设施农业与种业");
        Map<String, Object> body = ticket(unique("XQ-"), "先进制造", "慈溪市", List.of("RD_SUPPORT"), List.of());
        body.put("projectName", "注塑车间升级");
        body.put("background", "注塑模具厂，上下料依赖人工");
        body.put("technicalProblems", "想用工业机器人做产线改造");
        body.put("expectedTargets", "减少一线工人");
        String id = push(unique("feeder-"), body);
        DemandHall.awaitMatchable(id, robots);
        DemandHall.awaitMatchable(id, farming);
        Response matches = given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id + "/matches");
        matches.then().statusCode(200).body("items[0].teamId", equalTo(robots.toString()))
                .body("items[0].parts.place", equalTo(25.0f)).body("items[0].parts.text", equalTo(40.0f))
                .body("items[0].matchedWords", hasItems("工业机器人", "产线改造"));
        List<String> ids = matches.path("items.teamId");
        Map<String, Object> farm = matches.path("items[" + ids.indexOf(farming.toString()) + "]");
        assertEquals(25.0f, ((Map<?, ?>) farm.get("parts")).get("place"), "慈溪市 is a county of 宁波市");

        DemandHall.publish(new TeamMembersChanged(robots, 2, Instant.now(), List.of("机械工程", "注塑模具")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/tickets/" + id + "/matches").then().extract()
                .<List<String>>path("items[0].matchedWords").contains("注塑模具"));
    }

    @Test
    void suspendedTeamsAreNeverMatchedNorAssigned() {
        String leadUnit = unique("LU");
        UUID teamId = DemandHall.team(leadUnit, "h2", List.of("GROUP_STANDARDS"), "宁波市", List.of("标准"), "团体标准");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "标准", "宁波市", List.of("GROUP_STANDARDS"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        DemandHall.publish(new TeamStatusChanged(teamId, leadUnit, "ACTIVE", "SUSPENDED", "整改", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/tickets/" + id + "/matches").then().extract().<List<String>>path("items.teamId")
                .contains(teamId.toString()));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(409)
                .body("code", equalTo("team-not-active"));
    }

    @Test
    void overdueTicketsAreMarkedOnceAndListed() {
        UUID teamId = DemandHall.team(unique("LU"), "h3", List.of("TALENT_ECOSYSTEM"), "成都市", List.of("人才"), "人才服务");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "人才", "成都市", List.of("TALENT_ECOSYSTEM"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        // assigned on Friday 2026-10-30 15:00 Beijing time: first response due Tuesday 15:00
        Instant friday = LocalDateTime.of(2026, 10, 30, 15, 0).atZone(SlaClock.BEIJING).toInstant();
        TestClock.set(friday);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200)
                .body("firstResponseDue", equalTo(LocalDateTime.of(2026, 11, 3, 15, 0).atZone(SlaClock.BEIJING)
                        .toInstant().toString()));
        TestClock.set(friday.plus(Duration.ofDays(3)));  // Monday: not yet due
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id).then().body("firstResponseOverdue", equalTo(false));
        TestClock.set(friday.plus(Duration.ofDays(4)).plusSeconds(1)); // Tuesday 15:00:01
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id).then()
                .body("firstResponseOverdue", equalTo(true));
        given().auth().oauth2(OPERATOR).queryParam("overdue", true).queryParam("size", 100)
                .when().get("/api/v1/tickets").then().body("items.id", hasItem(id));
        List<String> actions = given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id)
                .then().extract().path("history.action");
        assertEquals(1, actions.stream().filter("ticket.overdue"::equals).count(), "one mark per breach: " + actions);
    }

    /** A backlog of breaches (after an outage) is marked a slice per transaction, never loaded whole. */
    @Test
    void aBacklogOfBreachesIsMarkedInSlices() {
        UUID teamId = DemandHall.team(unique("LU"), "h4", List.of("TALENT_ECOSYSTEM"), "绵阳市", List.of("人才"), "人才服务");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = push(unique("feeder-"), ticket(unique("XQ-"), "人才", "绵阳市", List.of("TALENT_ECOSYSTEM"),
                    List.of()));
            DemandHall.awaitMatchable(id, teamId);
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                    .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
            ids.add(id);
        }
        TestClock.set(Instant.now().plus(Duration.ofDays(400)));
        int passes = 0;
        for (int marked = -1; marked != 0; passes++) {
            marked = QuarkusTransaction.requiringNew().call(() -> service.markOverdue(1));
            assertTrue(marked <= 2, "at most one of each kind per slice, marked " + marked);
            assertTrue(passes < 1_000, "the backlog never ended");
        }
        assertTrue(passes >= 4, "three tickets, two breaches each, one of each kind per slice: " + passes + " passes");
        for (String id : ids) {
            given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id).then()
                    .body("firstResponseOverdue", equalTo(true)).body("resolutionOverdue", equalTo(true));
        }
    }

    @Test
    void operatorHolidaysMoveDueTimes() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("name", "元旦调休"))
                .when().put("/api/v1/calendar/holidays/2031-01-02").then().statusCode(200);
        given().auth().oauth2(TestTokens.partner("p")).queryParam("year", 2031)
                .when().get("/api/v1/calendar/holidays").then().statusCode(200)
                .body("day", contains("2031-01-02")).body("name", contains("元旦调休"));
        given().auth().oauth2(TestTokens.partner("p")).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/calendar/holidays/2031-01-03").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/calendar/holidays/2031-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("day"));
        given().auth().oauth2(OPERATOR).when().delete("/api/v1/calendar/holidays/+999999999-12-31").then()
                .statusCode(400).body("errors[0].field", equalTo("day"));

        UUID teamId = DemandHall.team(unique("LU"), "h5", List.of("TECH_TRANSFER"), "长沙市", List.of("轨道交通"), "轨道交通");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "轨道交通", "长沙市", List.of(), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        // Wednesday 1 Jan 2031 10:00 + 2 working days, Thursday a holiday, then the weekend: Monday 10:00
        TestClock.set(LocalDateTime.of(2031, 1, 1, 10, 0).atZone(SlaClock.BEIJING).toInstant());
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200)
                .body("firstResponseDue", equalTo(LocalDateTime.of(2031, 1, 6, 10, 0).atZone(SlaClock.BEIJING)
                        .toInstant().toString()));
        given().auth().oauth2(OPERATOR).when().delete("/api/v1/calendar/holidays/2031-01-02").then().statusCode(204);
        given().auth().oauth2(OPERATOR).when().delete("/api/v1/calendar/holidays/2031-01-02").then().statusCode(404);
    }

    @Test
    void aWeekendDayMadeAWorkingDayCountsForDueTimes() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", "国庆节调休上班", "working", true))
                .when().put("/api/v1/calendar/holidays/2032-10-10").then().statusCode(200).body("working", equalTo(true));
        given().auth().oauth2(OPERATOR).queryParam("year", 2032).when().get("/api/v1/calendar/holidays")
                .then().statusCode(200).body("day", contains("2032-10-10")).body("working", contains(true));
        try {
            UUID teamId = DemandHall.team(unique("LU"), "h6", List.of("TECH_TRANSFER"), "株洲市", List.of("轨道交通"),
                    "轨道交通");
            String id = push(unique("feeder-"), ticket(unique("XQ-"), "轨道交通", "株洲市", List.of(), List.of()));
            DemandHall.awaitMatchable(id, teamId);
            // Friday 8 Oct 2032 10:00 + 2 working days: Sunday 10 Oct counts, so Monday 10:00 (not Tuesday)
            TestClock.set(LocalDateTime.of(2032, 10, 8, 10, 0).atZone(SlaClock.BEIJING).toInstant());
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                    .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200)
                    .body("firstResponseDue", equalTo(LocalDateTime.of(2032, 10, 11, 10, 0).atZone(SlaClock.BEIJING)
                            .toInstant().toString()));
        } finally {
            given().auth().oauth2(OPERATOR).when().delete("/api/v1/calendar/holidays/2032-10-10").then().statusCode(204);
        }
    }

    @Test
    void autoAssignmentPicksTheBestActiveMatch() {
        UUID teamId = DemandHall.team(unique("LU"), "h4", List.of("INTERNATIONAL_EXCHANGE"), "海口市", List.of("热带农业"),
                "热带农业国际合作");
        String probe = push(unique("feeder-"), ticket(unique("XQ-"), "热带农业", "海口市", List.of(), List.of()));
        DemandHall.awaitMatchable(probe, teamId);
        try {
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("autoAssign", true))
                    .when().put("/api/v1/tickets/settings").then().statusCode(200).body("autoAssign", equalTo(true));
            given().auth().oauth2(TestTokens.partner(unique("feeder-"))).contentType(ContentType.JSON)
                    .body(ticket(unique("XQ-"), "热带农业", "海口市", List.of("INTERNATIONAL_EXCHANGE"), List.of("国际合作")))
                    .when().post("/api/v1/tickets").then().statusCode(201)
                    .body("status", equalTo("ASSIGNED")).body("teamId", equalTo(teamId.toString()))
                    .body("history.action", contains("ticket.created", "ticket.assigned"));
        } finally {
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("autoAssign", false))
                    .when().put("/api/v1/tickets/settings").then().statusCode(200);
        }
    }

    @Test
    void aPushAnswersWithTheNewTicketAndItsFirstStep() {
        String partner = unique("feeder-");
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of())).when()
                .post("/api/v1/tickets").then().statusCode(201).body("status", equalTo("NEW"))
                .body("history.action", contains("ticket.created")).body("history[0].actor", equalTo("test-partner"))
                .body("history[0].role", equalTo("partner")).body("history[0].to", equalTo("NEW"))
                .body("history[0].at", notNullValue());
    }

    @Test
    void thePartnerWithdrawsATicketNobodyAcceptedAndRatesAResolvedOneOnce() {
        String unit = unique("LU");
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unit, handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String feeder = unique("feeder-");
        String partner = TestTokens.partner(feeder);
        String fresh = push(feeder, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        String served = push(feeder, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(served, teamId);

        // withdraw: only the partner's own, only before a team accepted it, final
        given().auth().oauth2(TestTokens.partner(unique("other-"))).when().post("/api/v1/tickets/" + fresh + "/withdraw")
                .then().statusCode(404);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("reason", "需求已自行解决")).when()
                .post("/api/v1/tickets/" + fresh + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("history.action", hasItem("ticket.withdrawn"));
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + fresh + "/withdraw").then().statusCode(409)
                .body("code", equalTo("illegal-transition"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配")).when()
                .post("/api/v1/tickets/" + fresh + "/assign").then().statusCode(409);

        String team = TestTokens.handler(handler, teamId.toString());
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配")).when()
                .post("/api/v1/tickets/" + served + "/assign").then().statusCode(200);
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + served + "/accept").then().statusCode(200);
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + served + "/withdraw").then().statusCode(409);
        Map<String, Object> rating = Map.of("score", 4, "comment", "方案可行，已落地实施。");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(rating).when()
                .post("/api/v1/tickets/" + served + "/rating").then().statusCode(409).body("code", equalTo("not-resolved"));
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "已提供方案")).when()
                .post("/api/v1/tickets/" + served + "/answer").then().statusCode(200);
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + served + "/resolve").then().statusCode(200);

        // rating: the partner that pushed it, 1–5, once
        given().auth().oauth2(team).contentType(ContentType.JSON).body(rating).when()
                .post("/api/v1/tickets/" + served + "/rating").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner(unique("other-"))).contentType(ContentType.JSON).body(rating).when()
                .post("/api/v1/tickets/" + served + "/rating").then().statusCode(404);
        for (Object bad : List.of(0, 6, "五")) {
            given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("score", bad)).when()
                    .post("/api/v1/tickets/" + served + "/rating").then().statusCode(400)
                    .body("errors[0].field", equalTo("score"));
        }
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(rating).when()
                .post("/api/v1/tickets/" + served + "/rating").then().statusCode(200)
                .body("rating.score", equalTo(4)).body("rating.comment", equalTo("方案可行，已落地实施。"))
                .body("rating.ratedAt", notNullValue()).body("status", equalTo("RESOLVED"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("score", 5)).when()
                .post("/api/v1/tickets/" + served + "/rating").then().statusCode(409).body("code", equalTo("already-rated"));
        // closing keeps the rating
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + served + "/close").then().statusCode(200)
                .body("rating.score", equalTo(4));

        var rated = KafkaTestClient.readMatching(Topics.ACTIVITY, "\"ticket.rated\"", 1, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value())).filter(e -> e.aggregateId().equals(served)).toList();
        assertEquals(1, rated.size());
        assertEquals(4, rated.get(0).payload().get("score").asInt());
        assertEquals(teamId.toString(), rated.get(0).payload().get("teamId").asText());
        assertTrue(rated.get(0).payload().get("comment") == null, "the comment stays in activity-service");
        assertEquals(1, KafkaTestClient.readMatching(Topics.ACTIVITY, "\"ticket.withdrawn\"", 1, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value())).filter(e -> e.aggregateId().equals(fresh)).count());
    }

    @Test
    void theTeamTheDemandSideAndStaffTalkOnATicketAndInternalNotesStayOffThePartner() {
        String unit = unique("LU");
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unit, handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String feeder = unique("feeder-");
        String partner = TestTokens.partner(feeder);
        String id = push(feeder, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配")).when()
                .post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
        String team = TestTokens.handler(handler, teamId.toString());
        String messages = "/api/v1/tickets/" + id + "/messages";

        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "请提供设备清单")).when()
                .post(messages).then().statusCode(201).header("Location", containsString(messages))
                .body("side", equalTo("TEAM")).body("internal", equalTo(false)).body("author", equalTo(handler));
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "该企业曾拖欠款项", "internal", true))
                .when().post(messages).then().statusCode(201).body("internal", equalTo(true));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("text", "清单见附件说明")).when()
                .post(messages).then().statusCode(201).body("side", equalTo("DEMAND"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("text", "已核实", "internal", true))
                .when().post(messages).then().statusCode(201).body("side", equalTo("STAFF"));
        // the partner writes nothing internal, sees nothing internal
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("text", "内部", "internal", true))
                .when().post(messages).then().statusCode(400).body("errors[0].field", equalTo("internal"));
        given().auth().oauth2(partner).when().get(messages).then().statusCode(200).body("total", equalTo(2))
                .body("items.text", contains("请提供设备清单", "清单见附件说明"));
        given().auth().oauth2(team).when().get(messages).then().statusCode(200).body("total", equalTo(4))
                .body("items.side", contains("TEAM", "TEAM", "DEMAND", "STAFF"));
        given().auth().oauth2(TestTokens.token("auditor")).when().get(messages).then().statusCode(200)
                .body("total", equalTo(4));
        // a colleague of the team reads but does not write; another partner and another unit: 404
        String colleague = TestTokens.handler(unique("colleague-"), teamId.toString());
        given().auth().oauth2(colleague).when().get(messages).then().statusCode(200);
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(Map.of("text", "我也说一句")).when()
                .post(messages).then().statusCode(403);
        given().auth().oauth2(TestTokens.partner(unique("other-"))).when().get(messages).then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unique("LU"))).contentType(ContentType.JSON)
                .body(Map.of("text", "x")).when().post(messages).then().statusCode(404);
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", " ")).when().post(messages)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));

        var posted = KafkaTestClient.readMatching(Topics.ACTIVITY, "\"ticket.message-posted\"", 4, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(4, posted.size());
        assertTrue(posted.stream().noneMatch(r -> r.value().contains("该企业曾拖欠款项")), "the text stays here");
    }
}
