package cn.org.kczg.teams.activity.notification;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.ticket.DemandHall;
import cn.org.kczg.teams.activity.ticket.TicketService;
import cn.org.kczg.teams.activity.upload.UploadService;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.kit.crypto.ReencryptionJob;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.MailServer;
import cn.org.kczg.teams.testkit.SseClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TicketService tickets;
    @Inject
    UploadService uploads;
    @Inject
    NotificationMailer mailer;
    @Inject
    DeadLetterWatch deadLetters;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    FieldHash hash;
    @Inject
    ReencryptionJob job;
    @TestHTTPResource("/api/v1/notifications/stream")
    URL streamUrl;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    /** A team with its handler, and a ticket assigned to it; returns {teamId, handler token, ticket id}. */
    private static String[] assignedTicket(String handler) {
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String ticket = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(ticket, team);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200);
        return new String[] {team.toString(), TestTokens.handler(handler, team.toString()), ticket};
    }

    /**
     * Now and then the mail client and the test relay lose an SMTP session on loopback (each waits for the other); the
     * send then times out and the mail is tried again 30 s later. Moving the clock
     * on by a minute at each poll makes such a retry due at once, so the test waits for the mail, not for the back-off.
     */
    private void relaySessionRetriesAreDue() {
        TestClock.set(clock.instant().plus(Duration.ofMinutes(1)));
    }

    private static void awaitNotice(String token, String kind, String link) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).queryParam("kind", kind)
                .when().get("/api/v1/notifications").then().statusCode(200).body("items.link", hasItem(link)));
    }

    private static void publish(String topic, EventPayload payload, UUID eventId) {
        var built = EventJson.envelope(payload, "review-service", "test", Instant.now());
        var envelope = new cn.org.kczg.teams.events.EventEnvelope(eventId, built.type(), built.version(),
                built.occurredAt(), built.aggregateType(), built.aggregateId(), built.producer(), built.correlationId(),
                built.payload());
        KafkaTestClient.produce(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    @Test
    void theHandlerIsToldOfTheAssignmentAndNobodyElseIs() {
        String[] t = assignedTicket(unique("h-"));
        awaitNotice(t[1], "ticket.assigned", "/tickets/" + t[2]);
        given().auth().oauth2(t[1]).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.find { it.link == '/tickets/" + t[2] + "' }.title", equalTo("新需求工单已指派给本团队"))
                .body("items.find { it.link == '/tickets/" + t[2] + "' }.read", equalTo(false));
        String otherTeam = TestTokens.handler(unique("h-"), UUID.randomUUID().toString());
        given().auth().oauth2(otherTeam).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.link", not(hasItem("/tickets/" + t[2])));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.link", not(hasItem("/tickets/" + t[2])));
    }

    @Test
    void readingOneOrAllCountsDownAndAnotherPersonsNoticeIsNotFound() {
        String[] t = assignedTicket(unique("h-"));
        awaitNotice(t[1], "ticket.assigned", "/tickets/" + t[2]);
        int id = given().auth().oauth2(t[1]).when().get("/api/v1/notifications").then().extract()
                .path("items.find { it.link == '/tickets/" + t[2] + "' }.id");
        int unread = given().auth().oauth2(t[1]).when().get("/api/v1/notifications/unread-count").then()
                .statusCode(200).extract().path("unread");
        assertTrue(unread >= 1);
        String stranger = TestTokens.handler(unique("h-"), UUID.randomUUID().toString());
        given().auth().oauth2(stranger).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(t[1]).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(true));
        given().auth().oauth2(t[1]).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(200);
        given().auth().oauth2(t[1]).when().get("/api/v1/notifications/unread-count").then()
                .body("unread", equalTo(unread - 1));
        given().auth().oauth2(t[1]).queryParam("unread", true).when().get("/api/v1/notifications").then()
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(t[1]).when().post("/api/v1/notifications/read-all").then().statusCode(200);
        given().auth().oauth2(t[1]).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        // the same team's other handler has read nothing
        String colleague = TestTokens.handler(unique("h-"), t[0]);
        given().auth().oauth2(colleague).when().get("/api/v1/notifications/unread-count").then()
                .body("unread", equalTo(unread));
    }

    @Test
    void anEventDeliveredTwiceTellsOnce() {
        String unit = unique("LU");
        UUID caseId = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ReviewDecided decided = new ReviewDecided(caseId, application, unit, ReviewDecided.Decision.CHANGES_REQUESTED,
                List.of("补充服务内容"), "r1", Instant.now(), List.of());
        publish(Topics.REVIEW, decided, eventId);
        publish(Topics.REVIEW, decided, eventId);
        // a later event of the same case (same key, same partition) marks that both copies were consumed
        publish(Topics.REVIEW, new ReviewCaseAssigned(caseId, application, "marker-" + caseId, "op", Instant.now()),
                UUID.randomUUID());
        String leadUnit = TestTokens.leadUnit(unit);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.sign(
                TestTokens.builder("reviewer").subject("marker-" + caseId))).when().get("/api/v1/notifications")
                .then().body("items.link", hasItem("/reviews/" + caseId)));
        given().auth().oauth2(leadUnit).queryParam("kind", "application.changes-requested").when()
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].body", containsString("补充服务内容"));
    }

    @Test
    void theStreamPushesNewNoticesLiveAndReplaysAfterLastEventId() throws Exception {
        String handler = unique("h-");
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String token = TestTokens.handler(handler, team.toString());
        String ticket = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(ticket, team);
        try (SseClient stream = new SseClient(streamUrl.toString(), Map.of("Authorization", "Bearer " + token))) {
            assertEquals(200, stream.status);
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                    .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200);
            Awaitility.await().atMost(WAIT).until(() -> stream.frames.stream()
                    .anyMatch(f -> "ticket.assigned".equals(f.event()) && f.data().contains("/tickets/" + ticket)));
            SseClient.Frame frame = stream.frames.stream().filter(f -> f.data().contains("/tickets/" + ticket))
                    .findFirst().orElseThrow();
            assertTrue(frame.data().contains("新需求工单已指派给本团队"), frame.data());
            // the stream's id is the notice's id: a reconnect from just before it gets it again
            long id = Long.parseLong(frame.id());
            try (SseClient again = new SseClient(streamUrl.toString(), Map.of("Authorization", "Bearer " + token,
                    "Last-Event-ID", String.valueOf(id - 1)))) {
                Awaitility.await().atMost(WAIT).until(() -> again.frames.stream()
                        .anyMatch(f -> f.id().equals(frame.id())));
            }
        }
        try (SseClient partner = new SseClient(streamUrl.toString(), Map.of("Authorization", "Bearer "
                + TestTokens.partner("feeder")))) {
            assertEquals(403, partner.status);
        }
        try (SseClient anonymous = new SseClient(streamUrl.toString(), Map.of())) {
            assertEquals(401, anonymous.status);
        }
        given().auth().oauth2(token).header("Last-Event-ID", "abc").when().get("/api/v1/notifications/stream")
                .then().statusCode(400).body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void aHandlerWhoChoseEmailGetsTheNoticeByMailInChineseAndDigestsComeAsOneMail() {
        String handler = unique("h-");
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String token = TestTokens.handler(handler, team.toString());
        String address = handler + "@example.org.cn";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", address, "channels", Map.of("ticket.assigned", "EMAIL", "ticket.message", "DIGEST")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200)
                .body("email", equalTo(address))
                .body("kinds.find { it.kind == 'ticket.assigned' }.channel", equalTo("EMAIL"))
                .body("kinds.find { it.kind == 'ticket.overdue' }.channel", equalTo("IN_APP"))
                .body("kinds.find { it.kind == 'ticket.assigned' }.label", equalTo("工单指派"));
        String partner = unique("feeder-");
        String ticket = push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(ticket, team);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> {
            relaySessionRetriesAreDue();
            return !MailServer.receivedBy(address).isEmpty();
        });
        MailServer.Received mail = MailServer.receivedBy(address).get(0);
        assertEquals("【科创中国】新需求工单已指派给本团队", mail.subject());
        assertTrue(mail.text().contains("https://kczg.org.cn/tickets/" + ticket), mail.text());

        for (String text : List.of("请问进展如何？", "补充一份图纸")) {
            given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                    .body(Map.of("text", text)).when().post("/api/v1/tickets/" + ticket + "/messages")
                    .then().statusCode(201);
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                .queryParam("kind", "ticket.message").when().get("/api/v1/notifications").then().body("total", equalTo(2)));
        Awaitility.await().atMost(WAIT).until(() -> {
            relaySessionRetriesAreDue();
            mailer.sendDigests();
            return MailServer.receivedBy(address).stream().anyMatch(m -> m.subject().contains("每日通知摘要"));
        });
        List<MailServer.Received> digests = MailServer.receivedBy(address).stream()
                .filter(m -> m.subject().contains("每日通知摘要")).toList();
        assertEquals(1, digests.size());
        assertEquals("【科创中国】每日通知摘要（2 条）", digests.get(0).subject());
        assertEquals(0, mailer.sendDigests(), "a digest row is sent once");
    }

    @Test
    void preferencesAreChecked() {
        String token = TestTokens.handler(unique("h-"), UUID.randomUUID().toString());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channels", Map.of("ticket.nonsense", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(400)
                .body("errors[0].field", equalTo("channels"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "not an address\u0000", "channels", Map.of()))
                .when().put("/api/v1/notifications/preferences").then().statusCode(400)
                .body("errors[0].field", containsString("email"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"channels\": {\"ticket.assigned\": \"PIGEON\"}}")
                .when().put("/api/v1/notifications/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("kind", "nope").when().get("/api/v1/notifications").then()
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(TestTokens.partner("p")).when().get("/api/v1/notifications").then().statusCode(403);
        given().when().get("/api/v1/notifications").then().statusCode(401);
    }

    @Test
    void aDueTimeDrawingNearIsWarnedOfOnce() {
        String[] t = assignedTicket(unique("h-"));
        String due = given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + t[2]).then().extract()
                .path("firstResponseDue");
        TestClock.set(Instant.parse(due).minus(Duration.ofHours(1)));
        QuarkusTransaction.requiringNew().run(() -> tickets.markOverdue(200));
        QuarkusTransaction.requiringNew().run(() -> tickets.markOverdue(200));
        awaitNotice(t[1], "ticket.sla-warning", "/tickets/" + t[2]);
        given().auth().oauth2(t[1]).queryParam("kind", "ticket.sla-warning").when().get("/api/v1/notifications")
                .then().body("items.findAll { it.link == '/tickets/" + t[2] + "' }.size()", equalTo(1))
                .body("items.find { it.link == '/tickets/" + t[2] + "' }.body", containsString("首次响应"));
    }

    @Test
    void theLeadUnitIsRemindedOfAnUploadDueWithinAWeek() {
        String unit = unique("LU");
        UUID team = DemandHall.team(unit, unique("h-"), List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        DemandHall.awaitMatchable(push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"),
                List.of())), team);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 15))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        // 2026-Q3's progress report is due on 15 October
        TestClock.set(LocalDateTime.of(2026, 10, 9, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        QuarkusTransaction.requiringNew().run(() -> uploads.markDueSoon());
        awaitNotice(TestTokens.leadUnit(unit), "upload.due-soon", "/teams/" + team + "/uploads");
        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("kind", "upload.due-soon").when()
                .get("/api/v1/notifications").then().body("items[0].body", containsString("2026-10-15"));
    }

    @Test
    void operatorsAreToldWhenADeadLetterTopicGrowsOncePerGrowth() {
        deadLetters.check();
        int before = given().auth().oauth2(OPERATOR).queryParam("kind", "dead-letters.waiting").when()
                .get("/api/v1/notifications").then().statusCode(200).extract().path("total");
        KafkaTestClient.produce(Topics.REVIEW + ".dlq", "k", "{\"not\": \"an event\"}");
        KafkaTestClient.produce(Topics.REVIEW + ".dlq", "k", "{\"not\": \"an event either\"}");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            deadLetters.check();
            given().auth().oauth2(OPERATOR).queryParam("kind", "dead-letters.waiting").when()
                    .get("/api/v1/notifications").then().body("total", equalTo(before + 1))
                    .body("items[0].body", containsString("review.events.dlq 新增 2 条死信"));
        });
        deadLetters.check();
        given().auth().oauth2(OPERATOR).queryParam("kind", "dead-letters.waiting").when().get("/api/v1/notifications")
                .then().body("total", equalTo(before + 1));
        given().auth().oauth2(TestTokens.token("reviewer")).queryParam("kind", "dead-letters.waiting").when()
                .get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    @Test
    void aRelayThatAcceptsAndNeverAnswersFailsTheSendInTimeAndTheMailGoesOutLater() throws Exception {
        String handler = unique("h-");
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String address = handler + "@example.org.cn";
        given().auth().oauth2(TestTokens.handler(handler, team.toString())).contentType(ContentType.JSON)
                .body(Map.of("email", address, "channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200);
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, team);
        int port = MailServer.start();
        MailServer.down();
        // the relay's port now accepts connections and never sends its greeting
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                    .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
            Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select count(*) from notification_mail where subject = :s and attempts = 1 "
                            + "and sent_at is null and last_error is not null").setParameter("s", handler)
                    .getSingleResult()).toString().equals("1"));
        } finally {
            MailServer.start();
        }
        TestClock.set(Instant.now().plus(Duration.ofMinutes(5)));
        Awaitility.await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
    }

    @Test
    void mailThatCannotBeSentWaitsAndGoesOutWhenTheRelayIsBack() {
        String handler = unique("h-");
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String token = TestTokens.handler(handler, team.toString());
        String address = handler + "@example.org.cn";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", address, "channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200);
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, team);
        MailServer.down();
        try {
            given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                    .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
            Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select count(*) from notification_mail where subject = :s and attempts > 0 "
                            + "and sent_at is null and last_error is not null").setParameter("s", handler)
                    .getSingleResult()).toString().equals("1"));
        } finally {
            MailServer.start();
        }
        TestClock.set(Instant.now().plus(Duration.ofMinutes(5)));
        Awaitility.await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
    }

    @Test
    void theAddressIsSealedWithItsHashBesideOneWrittenBeforeIsSealedByTheJobAndMailStillGoesOut() {
        String handler = unique("h-");
        UUID team = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String token = TestTokens.handler(handler, team.toString());
        String address = handler + "@example.org.cn";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", address, "channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200).body("email", equalTo(address));
        Object[] stored = subscriber(handler);
        assertTrue(((String) stored[0]).startsWith("v1:test-new:AES-GCM:") && !((String) stored[0]).contains(address),
                "sealed: " + stored[0]);
        assertEquals(hash.of(address), stored[1]);
        given().auth().oauth2(token).when().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("email", equalTo(address));

        // as a row written before this change: plain, without a hash — read as it is, then sealed by the job
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification_subscriber set email = "
                + ":e, email_hash = null where subject = :s").setParameter("e", address).setParameter("s", handler)
                .executeUpdate());
        given().auth().oauth2(token).when().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("email", equalTo(address));
        assertTrue(job.run().rewritten() >= 1);
        stored = subscriber(handler);
        assertTrue(((String) stored[0]).startsWith("v1:test-new:AES-GCM:"), "sealed by the job: " + stored[0]);
        assertEquals(hash.of(address), stored[1]);

        // the queued mail keeps no address of its own: the mailer opens the subscriber's
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, team);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(team, "匹配"))
                .when().post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> !MailServer.receivedBy(address).isEmpty());
        assertTrue(MailServer.receivedBy(address).get(0).text().contains("/tickets/" + id));
    }

    private Object[] subscriber(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select email, email_hash from notification_subscriber where subject = :s").setParameter("s", subject)
                .getSingleResult());
    }
}
