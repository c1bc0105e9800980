package cn.org.kczg.teams.activity.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage quota per team, with a quota of 1 MiB so a few small files reach it. */
@QuarkusTest
@TestProfile(UploadQuotaTests.OneMebibyte.class)
class UploadQuotaTests {
    private static final long QUOTA = 1024 * 1024;

    @Inject
    UploadService service;

    public static class OneMebibyte implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kczg.uploads.team-quota", "1M");
        }
    }

    @BeforeEach
    void schedule() {
        UploadTests.progressIsQuarterly();
    }

    private static RequestSpecification upload(String[] team, String name, int size) {
        return UploadTests.upload(team[0], team[1], "2026-Q3", name, UploadTests.pdf(size, name.hashCode()));
    }

    private static long probe() {
        return UploadTests.PDF.length;
    }

    @Test
    void aTeamStoresNoMoreThanItsQuotaAndIsToldWhatItUses() {
        String[] t = UploadTests.team();
        upload(t, "a.pdf", 600 * 1024).when().post("/api/v1/uploads").then().statusCode(201);
        // Chinese by default, English when Accept-Language prefers it; the code is the same in both
        upload(t, "b.pdf", 600 * 1024).when().post("/api/v1/uploads").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("team-storage-quota"))
                .body("title", equalTo("冲突"))
                .body("detail", equalTo("该科技服务团的上传文件已占用 600.0 KB（每个科技服务团最多可存储 1.0 MB），"
                        + "本文件（600.0 KB）将使占用达到 1.2 MB。每个上传文件的每个版本均计入存储量。"));
        upload(t, "b.pdf", 600 * 1024).header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5").when()
                .post("/api/v1/uploads").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("team-storage-quota"))
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("The team's uploads take 600.0 KB of the 1.0 MB a team may store, and this"
                        + " file (600.0 KB) would take it to 1.2 MB. Every version of every upload counts."));
        // the quota is a sum of bytes, not a count of files: what still fits is taken
        upload(t, "c.pdf", 300 * 1024).when().post("/api/v1/uploads").then().statusCode(201);
        long used = probe() + 900 * 1024;
        given().auth().oauth2(TestTokens.leadUnit(t[0])).queryParam("teamId", t[1]).when()
                .get("/api/v1/uploads/usage").then().statusCode(200).body("teamId", equalTo(t[1]))
                .body("files", equalTo(3)).body("usedBytes", equalTo((int) used))
                .body("quotaBytes", equalTo((int) QUOTA));
        given().auth().oauth2(UploadTests.OPERATOR).queryParam("teamId", t[1]).when().get("/api/v1/uploads/usage")
                .then().statusCode(200).body("usedBytes", equalTo((int) used));
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).queryParam("teamId", t[1]).when()
                .get("/api/v1/uploads/usage").then().statusCode(404);
        given().auth().oauth2(UploadTests.OPERATOR).queryParam("teamId", "no-id").when().get("/api/v1/uploads/usage")
                .then().statusCode(400).body("errors[0].field", equalTo("teamId"));
        given().auth().oauth2(TestTokens.partner("p")).queryParam("teamId", t[1]).when().get("/api/v1/uploads/usage")
                .then().statusCode(403);

        // each team has its own quota
        String[] other = UploadTests.team();
        upload(other, "b.pdf", 600 * 1024).when().post("/api/v1/uploads").then().statusCode(201);
    }

    /**
     * Two uploads of 600 KiB race for the 1 MiB: the first has passed the quota check and stored its file, but its
     * transaction is still open. The second must wait for it (the team's lock) and then see it — refused — rather
     * than check against the usage without it and be stored too.
     */
    @Test
    void racingUploadsCannotBothPassTheQuota() throws Exception {
        String[] t = UploadTests.team();
        byte[] bytes = UploadTests.pdf(600 * 1024, 1);
        Path file = Files.write(Files.createTempDirectory("upload").resolve("first.pdf"), bytes);
        file.toFile().deleteOnExit();
        Caller leadUnit = new Caller("test-lead-unit", Set.of(Roles.LEAD_UNIT), t[0], Set.of(), null);
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UploadDtos.UploadView> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                UploadDtos.UploadView view = service.upload(leadUnit, new UploadDtos.NewUpload(
                        UUID.fromString(t[1]), UploadSchedule.Kind.PROGRESS, "2026-Q3", null, "first.pdf",
                        "application/pdf", file));
                firstStored.countDown();
                assertTrue(commitFirst.await(60, TimeUnit.SECONDS));
                return view;
            }));
            assertTrue(firstStored.await(60, TimeUnit.SECONDS), "the first upload passed the check and is stored");
            Future<Response> second = pool.submit(() -> upload(t, "second.pdf", 600 * 1024).when()
                    .post("/api/v1/uploads"));
            Awaitility.await("the second upload waits for the first one's transaction")
                    .during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            commitFirst.countDown();
            assertEquals(600 * 1024, first.get(60, TimeUnit.SECONDS).size());
            Response r = second.get(60, TimeUnit.SECONDS);
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("team-storage-quota", r.jsonPath().getString("code"));
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
        }
        long used = given().auth().oauth2(TestTokens.leadUnit(t[0])).queryParam("teamId", t[1]).when()
                .get("/api/v1/uploads/usage").then().statusCode(200).extract().jsonPath().getLong("usedBytes");
        assertEquals(probe() + 600 * 1024, used);
        assertTrue(used <= QUOTA);
    }
}
