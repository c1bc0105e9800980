package cn.org.kczg.teams.activity.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.ticket.DemandHall;
import cn.org.kczg.teams.activity.volunteer.VolunteerTests;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code personal-data.erasure-requested} in activity-service: the person goes, their hours stay. */
@QuarkusTest
class PersonalDataErasureTests {
    @Inject
    EntityManager em;
    @Inject
    FieldHash fieldHash;

    @Test
    void aVolunteerErasedBySubjectLeavesTheirHoursUnderAPseudonym() {
        String unit = "LU-ERA" + System.nanoTime() % 1_000_000;
        String[] team = VolunteerTests.teamWithActivity(unit);
        String sub = "vol-erase-" + UUID.randomUUID();
        String participation = VolunteerTests.log(sub, team[1], "6");
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + participation
                + "/confirm").then().statusCode(200);
        given().auth().oauth2(VolunteerTests.volunteer(sub)).contentType(ContentType.JSON)
                .body(Map.of("participationId", participation)).when().post("/api/v1/certificates/participation")
                .then().statusCode(200);
        VolunteerTests.log("vol-stays-" + UUID.randomUUID(), team[1], "2");
        BigDecimal hoursBefore = teamHours(team[0]);
        long volunteersBefore = teamVolunteers(team[0]);

        PersonalDataErased answer = erase(new ErasureRequested(UUID.randomUUID(), sub, null,
                "erased-" + UUID.randomUUID().toString().substring(0, 8), "operator-dpo"));

        assertEquals("activity-service", answer.service());
        assertTrue(answer.items().contains(new PersonalDataErased.Item("Participation", List.of("volunteer"), 1)),
                answer.items().toString());
        assertTrue(answer.items().contains(new PersonalDataErased.Item("Certificate", List.of("holderName"), 1)),
                answer.items().toString());
        assertFalse(answer.toString().contains(sub), "the answer names what, never whom");
        assertEquals(0L, count("select count(*) from participation where volunteer = :v", sub));
        assertEquals(0L, count("select count(*) from certificate where holder = :v", sub));
        assertEquals(List.of("已删除"), names(team[0]));
        assertEquals(hoursBefore, teamHours(team[0]), "hours survive the erasure");
        assertEquals(volunteersBefore, teamVolunteers(team[0]), "so does the count of volunteers");
        given().auth().oauth2(VolunteerTests.volunteer(sub)).when().get("/api/v1/participations").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aComplainantErasedByContactLosesTheContactNotTheComplaint() {
        UUID complaint = UUID.randomUUID();
        String phone = "139" + (10_000_000 + System.nanoTime() % 89_999_999);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into complaint (id, team_id, lead_unit_credit_code, kind, text, contact, contact_hash, client_hash,
                                       status, filed_at, receipt)
                values (:id, :team, 'LU-ERASURE', 'OTHER', '服务收费', :contact, :hash, 'erased', 'RECEIVED', now(),
                        :receipt)""")
                .setParameter("id", complaint).setParameter("team", UUID.randomUUID()).setParameter("contact", phone)
                .setParameter("hash", fieldHash.of(phone))
                .setParameter("receipt", complaint.toString().replace("-", "").substring(0, 14).toUpperCase())
                .executeUpdate());

        PersonalDataErased answer = erase(new ErasureRequested(UUID.randomUUID(), null, " " + phone, "erased-c0ffee",
                "operator-dpo"));

        // found by the contact's keyed hash (the contact itself is sealed), both gone
        assertEquals(List.of(new PersonalDataErased.Item("Complaint", List.of("contact", "contactHash"), 1)),
                answer.items());
        Object[] row = (Object[]) em.createNativeQuery("select contact, contact_hash, text from complaint where id = :id")
                .setParameter("id", complaint).getSingleResult();
        assertNull(row[0]);
        assertNull(row[1]);
        assertEquals("服务收费", row[2]);
    }

    @Test
    void aDemandSidesSealedContactIsFoundOpenedAndErasedNotTheTicket() {
        String email = "erase-" + System.nanoTime() + "@example.cn";
        Map<String, Object> body = new java.util.HashMap<>(DemandHall.ticket(DemandHall.unique("XQ-ER-"), "智能制造",
                "苏州市", List.of("TECH_TRANSFER"), List.of()));
        body.put("contact", Map.of("name", "孙经理", "phone", "0512-66668888", "email", email));
        String ticket = DemandHall.push("p-erasure", body);

        PersonalDataErased answer = erase(new ErasureRequested(UUID.randomUUID(), null, " " + email.toUpperCase() + " ",
                "erased-71c4e7", "operator-dpo"));

        assertEquals(List.of(new PersonalDataErased.Item("Ticket", List.of("contact"), 1)), answer.items());
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/tickets/" + ticket).then()
                .statusCode(200).body("contact.name", org.hamcrest.Matchers.equalTo("已删除"))
                .body("contact.email", org.hamcrest.Matchers.nullValue())
                .body("contact.phone", org.hamcrest.Matchers.nullValue())
                .body("projectName", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSubscribersSealedAddressIsFoundByItsHashOrPlainBeforeTheJobAndGoesWithItsChoices() {
        String sealed = "sub-erase-" + UUID.randomUUID();
        String address = sealed + "@example.org.cn";
        given().auth().oauth2(TestTokens.handler(sealed, UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(Map.of("email", address, "channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200);
        String plain = "sub-erase-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into notification_subscriber (subject, email, audiences, updated_at)
                values (:s, :e, cast('[]' as jsonb), now())""").setParameter("s", plain)
                .setParameter("e", plain + "@Example.org.cn").executeUpdate());

        PersonalDataErased answer = erase(new ErasureRequested(UUID.randomUUID(), null, " " + address.toUpperCase(),
                "erased-5e1c2a", "operator-dpo"));
        assertTrue(answer.items().contains(new PersonalDataErased.Item("notification_subscriber",
                List.of("subject", "email"), 1)), answer.items().toString());
        assertTrue(answer.items().contains(new PersonalDataErased.Item("notification_preference", List.of("subject"),
                1)), answer.items().toString());
        assertEquals(0L, count("select count(*) from notification_subscriber where subject = :v", sealed));

        answer = erase(new ErasureRequested(UUID.randomUUID(), null, plain + "@example.org.cn", "erased-5e1c2b",
                "operator-dpo"));
        assertTrue(answer.items().contains(new PersonalDataErased.Item("notification_subscriber",
                List.of("subject", "email"), 1)), answer.items().toString());
        assertEquals(0L, count("select count(*) from notification_subscriber where subject = :v", plain));
    }

    private static PersonalDataErased erase(ErasureRequested request) {
        var envelope = EventJson.envelope(request, "registration-service", "test-erasure", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        String id = request.erasureId().toString();
        return KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(30), read -> read.stream()
                        .anyMatch(r -> id.equals(r.key()) && r.value().contains(PersonalDataErased.TYPE)))
                .stream().filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> PersonalDataErased.TYPE.equals(e.type()))
                .map(e -> EventJson.payload(e, PersonalDataErased.class)).findFirst().orElseThrow();
    }

    private long count(String sql, String value) {
        return ((Number) em.createNativeQuery(sql).setParameter("v", value).getSingleResult()).longValue();
    }

    private BigDecimal teamHours(String team) {
        return (BigDecimal) em.createNativeQuery("select sum(hours) from participation where team_id = :t")
                .setParameter("t", UUID.fromString(team)).getSingleResult();
    }

    private long teamVolunteers(String team) {
        return ((Number) em.createNativeQuery("select count(distinct volunteer) from participation where team_id = :t")
                .setParameter("t", UUID.fromString(team)).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> names(String team) {
        return em.createNativeQuery("""
                select distinct volunteer_name from participation where team_id = :t and volunteer like 'erased-%'
                union select distinct holder_name from certificate where team_id = :t""")
                .setParameter("t", UUID.fromString(team)).getResultList();
    }
}
