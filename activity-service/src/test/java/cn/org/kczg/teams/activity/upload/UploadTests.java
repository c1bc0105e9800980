package cn.org.kczg.teams.activity.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UploadTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    static final String OPERATOR = TestTokens.token("operator");
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    UploadService service;
    @Inject
    PostgresFileStore store;

    @BeforeEach
    void schedule() {
        progressIsQuarterly();
    }

    static void progressIsQuarterly() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 15))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    static String[] team() {
        String leadUnit = "LU" + SEQ.incrementAndGet();
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), "“科创中国”上传测试" + id + "科技服务团", leadUnit, "单位",
                "NATIONAL_SOCIETY", 2026, "测试", List.of(), List.of("苏州市"), List.of(), List.of(), null, Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> upload(leadUnit, id.toString(), "2026-Q2",
                "probe.pdf", PDF).post("/api/v1/uploads").statusCode() == 201);
        return new String[] {leadUnit, id.toString()};
    }

    /** The file goes from disk, not from a byte array RestAssured would render into its failure log. */
    static RequestSpecification upload(String leadUnit, String teamId, String period, String name, byte[] bytes) {
        File file;
        try {
            file = Files.write(Files.createTempDirectory("upload").resolve(name), bytes).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.deleteOnExit();
        return given().auth().oauth2(TestTokens.leadUnit(leadUnit)).multiPart("teamId", teamId)
                .multiPart("kind", "PROGRESS").multiPart("period", period)
                // RestAssured encodes a text part without a charset as ISO-8859-1: 第 would leave as ?, so say UTF-8
                .multiPart("title", "第三季度工作进展", "text/plain; charset=UTF-8")
                .multiPart("file", file, "application/octet-stream");
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void filesAreCheckedByTheirBytesAndStoredWithTheirHash() throws Exception {
        String[] t = team();
        var stored = upload(t[0], t[1], "2026-Q3", "进展报告.pdf", PDF).when().post("/api/v1/uploads").then()
                .statusCode(201).extract().response();
        CreatedAt.follow(stored, TestTokens.leadUnit(t[0]));
        String id = stored.then().body("contentType", equalTo("application/pdf")).body("title", equalTo("第三季度工作进展"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))))
                .extract().path("id");
        byte[] back = given().auth().oauth2(TestTokens.leadUnit(t[0])).when().get("/api/v1/uploads/" + id + "/file")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(PDF, back);
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).when().get("/api/v1/uploads/" + id + "/file")
                .then().statusCode(404);

        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        upload(t[0], t[1], "2026-Q3", "进展报告.pdf", exe).when().post("/api/v1/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        // images are for ticket attachments, not periodic uploads
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        upload(t[0], t[1], "2026-Q3", "进展.png", png).when().post("/api/v1/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(t[0], t[1], "2026-Q3", "空.pdf", new byte[0]).when().post("/api/v1/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(t[0], t[1], "2026-Q3", "data.docx", zip("[Content_Types].xml", "word/document.xml"))
                .when().post("/api/v1/uploads").then().statusCode(201)
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(t[0], t[1], "2026-Q3", "data.xlsx", zip("xl/workbook.xml", "[Content_Types].xml"))
                .when().post("/api/v1/uploads").then().statusCode(201);
        upload(t[0], t[1], "2026-Q3", "data.pdf", zip("[Content_Types].xml", "word/document.xml"))
                .when().post("/api/v1/uploads").then().statusCode(400).body("errors[0].field", equalTo("file"));
        upload(t[0], t[1], "2026-H1", "a.pdf", PDF).when().post("/api/v1/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(t[0], t[1], "2026-Q3", "big.pdf", big).when().post("/api/v1/uploads").then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
    }

    @Test
    void missedUploadsShowUpAfterTheDueDateAndAreAnnouncedOnce() {
        String[] t = team();
        // 2026-Q3 ends 30 September; PROGRESS is due on the 15th of the next month
        TestClock.set(LocalDateTime.of(2026, 10, 15, 23, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        given().auth().oauth2(OPERATOR).queryParam("period", "2026-Q3").when().get("/api/v1/uploads/overdue")
                .then().statusCode(200).body("teamId", not(hasItem(t[1])));
        TestClock.set(LocalDateTime.of(2026, 10, 16, 9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        given().auth().oauth2(OPERATOR).queryParam("period", "2026-Q3").when().get("/api/v1/uploads/overdue")
                .then().statusCode(200).body("teamId", hasItem(t[1]));
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue());
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue());

        upload(t[0], t[1], "2026-Q3", "late.pdf", PDF).when().post("/api/v1/uploads").then().statusCode(201)
                .body("onTime", equalTo(false));
        given().auth().oauth2(OPERATOR).queryParam("period", "2026-Q3").when().get("/api/v1/uploads/overdue")
                .then().body("teamId", not(hasItem(t[1])));
        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> t[1].equals(r.key()) && r.value().contains("upload.received")
                        && r.value().contains("\"onTime\":false")));
        long notices = records.stream().filter(r -> t[1].equals(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("upload.overdue") && e.payload().get("period").asText().equals("2026-Q3"))
                .count();
        assertEquals(1, notices, "one upload.overdue per team, kind and period");
        given().auth().oauth2(TestTokens.partner("p")).queryParam("period", "2026-Q3")
                .when().get("/api/v1/uploads/overdue").then().statusCode(403);
    }

    /** A PDF of {@code size} bytes that does not compress (random after its header). */
    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Counts what is written to it, and the largest single write. */
    private static final class Recording extends OutputStream {
        final MessageDigest digest;
        long bytes;
        int writes;
        int largestWrite;

        Recording() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            bytes += len;
            writes++;
            largestWrite = Math.max(largestWrite, len);
        }
    }

    @Test
    void largeFilesGoInAndOutAsStreamsAndComeBackByteIdentical() throws Exception {
        String[] t = team();
        int size = 15 * 1024 * 1024;
        byte[] big = pdf(size, 15);
        String sha = sha256(big);
        String id = upload(t[0], t[1], "2026-Q3", "big report.pdf", big).when().post("/api/v1/uploads").then()
                .statusCode(201).body("size", equalTo(size)).body("sha256", equalTo(sha))
                .body("contentType", equalTo("application/pdf")).extract().path("id");
        // asserted here, not by RestAssured, which would log 15 MB of body on a failed expectation
        var download = given().auth().oauth2(TestTokens.leadUnit(t[0])).when().get("/api/v1/uploads/" + id + "/file");
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.contentType());
        assertEquals(String.valueOf(size), download.header("Content-Length"));
        assertEquals(sha, download.header("X-Content-SHA256"));
        assertEquals("attachment; filename*=UTF-8''big%20report.pdf", download.header("Content-Disposition"));
        assertEquals(sha, sha256(download.asByteArray()), "the download is the upload, byte for byte");
        big = null;

        // never whole in the heap: the same upload, run on this thread, allocates a fraction of the file's size
        // (the old path read it into a byte[] of 15 MB, and the driver bound that array)
        byte[] second = pdf(size, 16);
        String directSha = sha256(second);
        Path file = Files.write(Files.createTempDirectory("upload").resolve("direct.pdf"), second);
        file.toFile().deleteOnExit();
        second = null;
        Caller leadUnit = new Caller("test-lead-unit", Set.of(Roles.LEAD_UNIT), t[0], Set.of(), null);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        UploadDtos.UploadView direct = service.upload(leadUnit, new UploadDtos.NewUpload(UUID.fromString(t[1]),
                UploadSchedule.Kind.PROGRESS, "2026-Q3", null, "direct.pdf", "application/pdf", file));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(directSha, direct.sha256());
        assertTrue(allocated < size / 4, "storing a " + size + "-byte file allocated " + allocated + " bytes");

        // and out a chunk at a time
        UUID fileId = QuarkusTransaction.requiringNew().call(() -> Upload.<Upload>findById(direct.id()).fileId);
        Recording out = new Recording();
        store.copyTo(fileId, out);
        assertEquals(size, out.bytes);
        assertEquals(directSha, HexFormat.of().formatHex(out.digest.digest()));
        assertTrue(out.largestWrite <= PostgresFileStore.CHUNK, "largest write " + out.largestWrite);
        assertTrue(out.writes >= size / PostgresFileStore.CHUNK, out.writes + " writes");
    }

    @Test
    void zipBombsAreRefusedBeforeTheyInflate() throws Exception {
        String[] t = team();
        byte[] bomb = ZipInspectionTest.zeros("word/document.xml", 64);
        upload(t[0], t[1], "2026-Q3", "bomb.docx", bomb).header("Accept-Language", "en").when().post("/api/v1/uploads")
                .then().statusCode(400).time(lessThan(10_000L)).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("inflates to more than 100 times its compressed size"));
        upload(t[0], t[1], "2026-Q3", "bomb.zip", bomb).when().post("/api/v1/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("解压后超过其压缩大小的 100 倍"));
        given().auth().oauth2(OPERATOR).queryParam("teamId", t[1]).when().get("/api/v1/uploads").then()
                .statusCode(200).body("items.fileName", not(hasItem("bomb.docx")));
    }

    @Test
    void zipsWithMoreThanAThousandEntriesAreRefused() throws Exception {
        String[] t = team();
        String[] names = new String[1001];
        for (int i = 0; i < names.length; i++) {
            names[i] = "photos/" + i + ".xml";
        }
        upload(t[0], t[1], "2026-Q3", "many.zip", zip(Arrays.copyOf(names, 1000))).when().post("/api/v1/uploads")
                .then().statusCode(201).body("contentType", equalTo("application/zip"));
        upload(t[0], t[1], "2026-Q3", "too-many.zip", zip(names)).header("Accept-Language", "en").when()
                .post("/api/v1/uploads").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("detail", containsString("more than 1000 entries"));
    }

    @Test
    void staffExportUploadRecordsAsCsv() {
        String[] t = team();
        upload(t[0], t[1], "2026-Q3", "q3-progress.pdf", PDF).when().post("/api/v1/uploads").then().statusCode(201);
        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("teamId", t[1])
                .when().get("/api/v1/uploads").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF报送编号,团队编号"), lines.get(0));
        assertTrue(lines.get(1).contains(",q3-progress.pdf,") && lines.get(1).contains(",2026-Q3,"), lines.get(1));
    }
}
