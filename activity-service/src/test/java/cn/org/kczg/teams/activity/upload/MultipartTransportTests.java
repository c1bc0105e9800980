package cn.org.kczg.teams.activity.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload as clients really send it, straight to the service: text parts without a charset (browsers, curl -F),
 * a chunked body without Content-Length, and Java's HttpClient, which asks for h2c on its first request, body and all.
 */
@QuarkusTest
class MultipartTransportTests {
    private static final String BOUNDARY = "----kczg-" + UUID.randomUUID();
    private static final String TITLE = "2026年第三季度工作进展（苏州市）";
    private static final String FILE_NAME = "第三季度进展报告.pdf";

    @TestHTTPResource("/api/v1/uploads")
    URI uploads;

    @BeforeEach
    void schedule() {
        UploadTests.progressIsQuarterly();
    }

    /**
     * multipart/form-data as a browser writes it: the text parts carry no Content-Type, so no charset either (with
     * {@code textType}, the title part says that type, still without a charset), and UTF-8 bytes.
     */
    private static byte[] form(String teamId, String textType, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"teamId", teamId}, {"kind", "PROGRESS"}, {"period", "2026-Q3"},
                {"title", TITLE}}) {
            String type = textType != null && field[0].equals("title") ? "Content-Type: " + textType + "\r\n" : "";
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n"
                    + type + "\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + FILE_NAME
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> send(HttpClient.Version version, String leadUnit, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uploads).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.leadUnit(leadUnit))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The upload was stored as sent: its title and file name in Chinese, its bytes as they were. */
    private static void assertStored(String leadUnit, HttpResponse<String> response, byte[] file) {
        assertEquals(201, response.statusCode(), response.body());
        JsonPath created = JsonPath.from(response.body());
        assertEquals(TITLE, created.getString("title"));
        assertEquals(FILE_NAME, created.getString("fileName"));
        assertEquals(file.length, created.getLong("size"));
        String id = created.getString("id");
        given().auth().oauth2(TestTokens.leadUnit(leadUnit)).when().get("/api/v1/uploads/" + id).then()
                .statusCode(200).body("title", equalTo(TITLE)).body("fileName", equalTo(FILE_NAME));
        byte[] back = given().auth().oauth2(TestTokens.leadUnit(leadUnit)).when()
                .get("/api/v1/uploads/" + id + "/file").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(file, back, "the stored file is the uploaded one, byte for byte");
    }

    @Test
    void chineseTextPartsWithoutACharsetAreReadAsUtf8() throws Exception {
        String[] t = UploadTests.team();
        byte[] file = UploadTests.pdf(4096, 1);
        assertStored(t[0], send(HttpClient.Version.HTTP_1_1, t[0],
                HttpRequest.BodyPublishers.ofByteArray(form(t[1], null, file))), file);
        assertStored(t[0], send(HttpClient.Version.HTTP_1_1, t[0],
                HttpRequest.BodyPublishers.ofByteArray(form(t[1], "text/plain", file))), file);
    }

    @Test
    void aChunkedMultipartBodyIsStoredWhole() throws Exception {
        String[] t = UploadTests.team();
        byte[] file = UploadTests.pdf(300 * 1024, 2);
        assertStored(t[0], send(HttpClient.Version.HTTP_1_1, t[0], chunked(form(t[1], null, file))), file);
    }

    @Test
    void javaHttpClientsH2cUpgradeWithTheBodyIsStoredWhole() throws Exception {
        String[] t = UploadTests.team();
        byte[] file = UploadTests.pdf(200 * 1024, 3);
        byte[] body = form(t[1], null, file);
        // HTTP/2 preferred over http:// (HttpClient's default): the first request on a connection is HTTP/1.1 with
        // Upgrade: h2c and carries the body, of a known length or (a stream, as files are sent) chunked
        assertStored(t[0], send(HttpClient.Version.HTTP_2, t[0], HttpRequest.BodyPublishers.ofByteArray(body)), file);
        assertStored(t[0], send(HttpClient.Version.HTTP_2, t[0], chunked(body)), file);
        assertStored(t[0], send(HttpClient.Version.HTTP_2, t[0],
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), file);
    }

    /** A publisher of unknown length: HttpClient sends Transfer-Encoding: chunked and no Content-Length. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(-1, chunked.contentLength());
        return chunked;
    }
}
