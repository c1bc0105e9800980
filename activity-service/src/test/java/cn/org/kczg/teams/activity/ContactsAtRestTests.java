package cn.org.kczg.teams.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.complaint.Complaint;
import cn.org.kczg.teams.activity.ticket.DemandHall;
import cn.org.kczg.teams.kit.crypto.FieldAlgorithm;
import cn.org.kczg.teams.kit.crypto.FieldCipher;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.kit.crypto.ReencryptionJob;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Issue 24: the complainants' and the demand sides' contacts are sealed in their columns, and rotate. */
@QuarkusTest
class ContactsAtRestTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    EntityManager em;
    @Inject
    FieldHash hash;
    @Inject
    ReencryptionJob job;

    private String column(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(
                () -> (String) em.createNativeQuery(sql).setParameter("id", id).getSingleResult());
    }

    private void execute(String sql, Map<String, Object> parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    private static FieldCipher underTheOldKey() {
        var config = ConfigProvider.getConfig();
        return new FieldCipher(Map.of("test-old", Base64.getDecoder().decode(
                config.getValue("kczg.crypto.keys.test-old", String.class))), "test-old", FieldAlgorithm.AES_GCM);
    }

    private String complaint(String contact) {
        UUID teamId = DemandHall.team(DemandHall.unique("LUAR"), "zq", List.of("TECH_TRANSFER"), "苏州市",
                List.of(), "加密");
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().header("X-Forwarded-For", "203.0.113." + (Math.abs(teamId.hashCode()) % 250))
                    .contentType(ContentType.JSON).body(Map.of("teamId", teamId.toString(), "kind", "OTHER",
                            "text", "联系方式加密保存", "contact", contact))
                    .when().post("/api/v1/public/complaints");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    @Test
    void theComplainantsContactIsSealedInItsColumnFoundByItsHashAndReadByStaff() {
        String id = complaint("13912340001 / li@example.cn");
        String stored = column("select contact from complaint where id = :id", UUID.fromString(id));
        assertTrue(stored.startsWith("v1:test-new:AES-GCM:"), "sealed under the current key");
        assertFalse(stored.contains("13912340001") || stored.contains("li@example.cn"), "no plain contact in the row");
        assertEquals(hash.of("13912340001 / li@example.cn"),
                column("select contact_hash from complaint where id = :id", UUID.fromString(id)));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("contact", equalTo("13912340001 / li@example.cn"));
        List<UUID> found = QuarkusTransaction.requiringNew().call(() -> Complaint
                .withContact(hash, " 13912340001 / LI@example.cn ").stream().map(c -> c.id).toList());
        assertEquals(List.of(UUID.fromString(id)), found, "found by equality of the keyed hash");
    }

    @Test
    void theDemandSidesContactIsSealedJson() {
        String id = DemandHall.push("p-at-rest", DemandHall.ticket(DemandHall.unique("XQ-AR-"), "智能制造", "苏州市",
                List.of("TECH_TRANSFER"), List.of()));
        String stored = column("select contact from ticket where id = :id", UUID.fromString(id));
        assertTrue(stored.startsWith("v1:test-new:AES-GCM:"));
        assertFalse(stored.contains("66668888") || stored.contains("sun@example.cn") || stored.contains("孙经理"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("contact.phone", equalTo("0512-66668888")).body("contact.email", equalTo("sun@example.cn"));
    }

    @Test
    void valuesUnderAnOldKeyOrInPlainTextAreReadThenRewrittenUnderTheCurrentKeyByTheJob() {
        String sealedOld = complaint("原密钥下的联系方式");
        UUID old = UUID.fromString(sealedOld);
        execute("update complaint set contact = :c, contact_hash = null where id = :id",
                Map.of("c", underTheOldKey().encrypt("13700000001", "complaint.contact"), "id", old));
        String ticket = DemandHall.push("p-at-rest", DemandHall.ticket(DemandHall.unique("XQ-AR-"), "智能制造",
                "苏州市", List.of("TECH_TRANSFER"), List.of()));
        execute("update ticket set contact = :c where id = :id", Map.of("c",
                "{\"name\":\"旧行\",\"phone\":\"0512-11112222\",\"email\":\"old@example.cn\"}", "id",
                UUID.fromString(ticket)));
        // readable before the job: the old key is still configured, the plain row is taken as it is
        given().auth().oauth2(OPERATOR).when().get("/api/v1/complaints/" + sealedOld).then().statusCode(200)
                .body("contact", equalTo("13700000001"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("contact.phone", equalTo("0512-11112222"));

        ReencryptionJob.Result result = job.run();

        assertTrue(result.rewritten() >= 2, "rewrote " + result);
        String complaintNow = column("select contact from complaint where id = :id", old);
        assertTrue(complaintNow.startsWith("v1:test-new:AES-GCM:"), "rewritten under the current key");
        assertEquals(hash.of("13700000001"), column("select contact_hash from complaint where id = :id", old));
        String ticketNow = column("select contact from ticket where id = :id", UUID.fromString(ticket));
        assertTrue(ticketNow.startsWith("v1:test-new:AES-GCM:") && !ticketNow.contains("11112222"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/complaints/" + sealedOld).then().statusCode(200)
                .body("contact", equalTo("13700000001"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("contact.email", equalTo("old@example.cn"));
        // a second run finds nothing of these left to do
        job.run();
        assertEquals(complaintNow, column("select contact from complaint where id = :id", old));
    }
}
