package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.upload.FileStore;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Files in a ticket's conversation: uploaded by a party, taken by one message of its side, seen with that message. */
@QuarkusTest
class TicketAttachmentTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Inject
    TicketAttachments attachments;
    @Inject
    FileStore files;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    /** A ticket pushed by its own partner and assigned to a team of its own, with the tokens of each party. */
    private record Conversation(String id, String partner, String team, String colleague) {
        String messages() {
            return "/api/v1/tickets/" + id + "/messages";
        }

        String attachments() {
            return "/api/v1/tickets/" + id + "/attachments";
        }
    }

    private static Conversation conversation() {
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "常州市", List.of("新材料"),
                "新材料");
        String feeder = unique("feeder-");
        String id = push(feeder, ticket(unique("XQ-"), "新材料", "常州", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配")).when()
                .post("/api/v1/tickets/" + id + "/assign").then().statusCode(200);
        return new Conversation(id, TestTokens.partner(feeder), TestTokens.handler(handler, teamId.toString()),
                TestTokens.handler(unique("colleague-"), teamId.toString()));
    }

    /** The file name in UTF-8, as browsers send it: RestAssured's default (strict MIME) would send 设 as ?. */
    private static final RestAssuredConfig UTF8_FILE_NAMES = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE));

    private static Response upload(String token, String ticketPath, String fileName, byte[] bytes) {
        return given().config(UTF8_FILE_NAMES).auth().oauth2(token).contentType("multipart/form-data; charset=UTF-8")
                .multiPart("file", fileName, bytes, "application/octet-stream").when().post(ticketPath);
    }

    private static String uploaded(String token, Conversation c, String fileName, byte[] bytes) {
        return upload(token, c.attachments(), fileName, bytes).then().statusCode(201).extract().path("id");
    }

    private static Response post(String token, Conversation c, String text, boolean internal, List<?> attachments) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", text, "internal", internal, "attachments", attachments)).when()
                .post(c.messages());
    }

    private static Response download(String token, Conversation c, String attachmentId) {
        return given().auth().oauth2(token).when().get(c.attachments() + "/" + attachmentId);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aFileGoesWithAMessageAndComesBackByteForByteUnderItsChineseName() throws Exception {
        Conversation c = conversation();
        String name = "设备清单（第一版）v1.pdf";
        Response created = upload(c.team(), c.attachments(), name, PDF);
        created.then().statusCode(201).body("fileName", equalTo(name))
                .body("contentType", equalTo("application/pdf")).body("size", equalTo(PDF.length))
                .body("sha256", equalTo(sha256(PDF)));
        String pdf = created.path("id");
        assertEquals(c.attachments() + "/" + pdf, java.net.URI.create(created.header("Location")).getPath());
        String png = uploaded(c.team(), c, "产线照片.png", PNG);
        String jpeg = uploaded(c.partner(), c, "现场.jpeg", JPEG);

        post(c.team(), c, "清单和照片见附件", false, List.of(png, pdf)).then().statusCode(201)
                .body("attachments.id", contains(pdf, png)).body("attachments[0].fileName", equalTo(name));
        // the JSON contract of a message without files is as before, now with an empty list
        given().auth().oauth2(c.partner()).contentType(ContentType.JSON).body(Map.of("text", "收到")).when()
                .post(c.messages()).then().statusCode(201).body("attachments", empty());
        post(c.partner(), c, "现场照片", false, List.of(jpeg)).then().statusCode(201)
                .body("attachments[0].contentType", equalTo("image/jpeg"));
        given().auth().oauth2(c.partner()).when().get(c.messages()).then().statusCode(200)
                .body("items.collect { it.attachments.size() }", contains(2, 0, 1))
                .body("items[0].attachments.sha256", contains(sha256(PDF), sha256(PNG)))
                .body("items[0].attachments.contentType", contains("application/pdf", "image/png"));

        for (String reader : List.of(c.partner(), c.team(), c.colleague(), TestTokens.token("auditor"), OPERATOR)) {
            Response file = download(reader, c, pdf);
            assertEquals(200, file.statusCode());
            assertArrayEquals(PDF, file.asByteArray(), "the download is the upload, byte for byte");
            assertEquals(sha256(PDF), sha256(file.asByteArray()));
            assertEquals(sha256(PDF), file.header("X-Content-SHA256"));
            assertEquals("application/pdf", file.contentType());
            assertEquals("nosniff", file.header("X-Content-Type-Options"));
            assertEquals(String.valueOf(PDF.length), file.header("Content-Length"));
            String disposition = file.header("Content-Disposition");
            String prefix = "attachment; filename*=UTF-8''";
            assertEquals(prefix, disposition.substring(0, prefix.length()), disposition);
            assertEquals(name, URLDecoder.decode(disposition.substring(prefix.length()), StandardCharsets.UTF_8));
        }
        assertEquals("image/png", download(c.partner(), c, png).contentType());
    }

    @Test
    void anInternalMessagesFilesStayOffThePartnerAndOtherPartnersSeeNoFiles() {
        Conversation c = conversation();
        String note = uploaded(c.team(), c, "内部评估.pdf", PDF);
        String draft = uploaded(c.team(), c, "草稿.pdf", PDF);
        post(c.team(), c, "内部评估", true, List.of(note)).then().statusCode(201);

        download(c.partner(), c, note).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(c.partner()).when().get(c.messages()).then().statusCode(200).body("total", equalTo(0));
        download(c.colleague(), c, note).then().statusCode(200);
        download(TestTokens.token("auditor"), c, note).then().statusCode(200);
        download(OPERATOR, c, note).then().statusCode(200);
        // not yet with a message: only the uploader's side
        download(c.team(), c, draft).then().statusCode(200);
        download(c.partner(), c, draft).then().statusCode(404);
        download(OPERATOR, c, draft).then().statusCode(404);
        // another partner, another unit, another ticket, no such file: 404
        download(TestTokens.partner(unique("other-")), c, note).then().statusCode(404);
        download(TestTokens.leadUnit(unique("LU")), c, note).then().statusCode(404);
        Conversation other = conversation();
        download(other.team(), new Conversation(other.id(), null, null, null), note).then().statusCode(404);
        download(c.team(), c, UUID.randomUUID().toString()).then().statusCode(404);
        upload(TestTokens.partner(unique("other-")), c.attachments(), "a.pdf", PDF).then().statusCode(404);
        // who sees the ticket but is no party to it writes nothing, files included
        upload(c.colleague(), c.attachments(), "a.pdf", PDF).then().statusCode(403);
        upload(TestTokens.token("auditor"), c.attachments(), "a.pdf", PDF).then().statusCode(403);
    }

    @Test
    void aFileGoesWithOneMessageOfItsOwnSideOnItsOwnTicket() {
        Conversation c = conversation();
        String mine = uploaded(c.team(), c, "方案.pdf", PDF);
        String theirs = uploaded(c.partner(), c, "需求说明.pdf", PDF);
        Conversation other = conversation();
        String elsewhere = uploaded(other.team(), other, "别处.pdf", PDF);

        for (String wrong : List.of(UUID.randomUUID().toString(), theirs, elsewhere)) {
            post(c.team(), c, "见附件", false, List.of(wrong)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("attachments"));
        }
        post(c.team(), c, "见附件", false, List.of(mine, mine)).then().statusCode(400)
                .body("errors[0].field", equalTo("attachments"));
        post(c.team(), c, "见附件", false, List.of("not-an-id")).then().statusCode(400)
                .body("errors[0].field", startsWith("attachments"));
        post(c.team(), c, "见附件", false, Arrays.asList(mine, null)).then().statusCode(400)
                .body("errors[0].field", startsWith("attachments"));
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(uploaded(c.team(), c, "第" + i + "页.pdf", PDF));
        }
        post(c.team(), c, "六个附件", false, six).then().statusCode(400).body("errors[0].field", equalTo("attachments"));
        // nothing was written by the refused messages, and their files are still free
        given().auth().oauth2(c.team()).when().get(c.messages()).then().body("total", equalTo(0));

        post(c.team(), c, "方案见附件", false, List.of(mine)).then().statusCode(201);
        post(c.team(), c, "再发一次", false, List.of(mine)).then().statusCode(409)
                .body("code", equalTo("attachment-linked"));
        // staff is a side of its own: the team cannot take the operator's file, the operator can
        String staffs = uploaded(OPERATOR, c, "核实.pdf", PDF);
        post(c.team(), c, "x", false, List.of(staffs)).then().statusCode(400);
        post(OPERATOR, c, "已核实", true, List.of(staffs)).then().statusCode(201);
        post(c.team(), c, "五个附件", false, six.subList(0, 5)).then().statusCode(201)
                .body("attachments.size()", equalTo(5));
    }

    @Test
    void filesOfTheWrongKindAreRefusedNamingTheField() {
        Conversation c = conversation();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        upload(c.team(), c.attachments(), "报告.pdf", exe).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "报告.docx", PDF).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "照片.png", JPEG).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "空.pdf", new byte[0]).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "a".repeat(300) + ".pdf", PDF).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "a\u0000b.pdf", PDF).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(c.team(), c.attachments(), "a\u0007b.pdf", PDF).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(c.team()).multiPart("file", "不是文件").when().post(c.attachments()).then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
        given().auth().oauth2(c.team()).contentType(ContentType.JSON).body(Map.of("file", "x")).when()
                .post(c.attachments()).then().statusCode(415);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(c.team(), c.attachments(), "大文件.pdf", big).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("file-too-large"))
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(c.team()).when().get(c.messages()).then().body("total", equalTo(0));
    }

    @Test
    void anEndedTicketTakesNoFiles() {
        String feeder = unique("feeder-");
        String partner = TestTokens.partner(feeder);
        String id = push(feeder, ticket(unique("XQ-"), "新材料", "常州", List.of("TECH_TRANSFER"), List.of()));
        Conversation c = new Conversation(id, partner, null, null);
        String early = uploaded(partner, c, "说明.pdf", PDF);
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + id + "/withdraw").then().statusCode(200);
        upload(partner, c.attachments(), "补充.pdf", PDF).then().statusCode(409).body("code", equalTo("ticket-ended"));
        post(partner, c, "补充", false, List.of(early)).then().statusCode(409).body("code", equalTo("ticket-ended"));
    }

    @Test
    void filesNoMessageTookAreRemovedAfterADay() {
        Conversation c = conversation();
        String kept = uploaded(c.team(), c, "留用.pdf", PDF);
        String left = uploaded(c.team(), c, "遗留.pdf", PDF);
        post(c.team(), c, "见附件", false, List.of(kept)).then().statusCode(201);
        UUID leftFile = QuarkusTransaction.requiringNew().call(() ->
                TicketAttachment.<TicketAttachment>findById(UUID.fromString(left)).fileId);

        TestClock.set(Instant.now().plus(Duration.ofHours(23)));
        QuarkusTransaction.requiringNew().call(() -> attachments.purgeUnlinked(10_000));
        download(c.team(), c, left).then().statusCode(200);
        TestClock.set(Instant.now().plus(Duration.ofHours(25)));
        while (QuarkusTransaction.requiringNew().call(() -> attachments.purgeUnlinked(100)) > 0) {
            // every stale one, whoever's
        }
        download(c.team(), c, left).then().statusCode(404);
        assertTrue(files.size(leftFile).isEmpty(), "its bytes are gone too");
        download(c.partner(), c, kept).then().statusCode(200);
        post(c.team(), c, "迟到的附件", false, List.of(left)).then().statusCode(400)
                .body("errors[0].field", equalTo("attachments"));
    }
}
