package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.log;
import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.teamWithActivity;
import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.volunteer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.TestTokens;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CertificateDocumentTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String VERIFY = "https://kczg.org.cn/api/v1/public/certificates/";

    /** A VALID participation certificate of {@code sub} for 6.5 hours: {unit, certificate id, code, team name}. */
    private static String[] certificate(String sub) {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String p = log(sub, team[1], "6.5");
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(200);
        var cert = given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON)
                .body(Map.of("participationId", p)).when().post("/api/v1/certificates/participation")
                .then().statusCode(200).extract();
        return new String[] {unit, cert.path("id"), cert.path("code"), cert.path("teamName")};
    }

    @Test
    void theCertificatePdfIsA4InChineseWithTheHolderTheTeamAndAQrCodeOfTheVerificationUrl() throws Exception {
        String sub = "vol-pdf-" + SEQ.incrementAndGet();
        String[] c = certificate(sub);
        byte[] pdf = given().auth().oauth2(volunteer(sub)).when().get("/api/v1/certificates/" + c[1] + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.5);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("李晓明"), text);
            assertTrue(text.contains(c[3]), text);
            assertTrue(text.contains("服务时长：6.5 小时"), text);
            assertTrue(text.contains(c[2]), text);
            assertEquals(VERIFY + c[2], qrCodeOf(page));
        }
    }

    @Test
    void theCredentialIsSignedByThePublishedKeyAndItsRevocationShowsInTheStatusListAndThePublicCheck()
            throws Exception {
        String sub = "vol-vc-" + SEQ.incrementAndGet();
        String[] c = certificate(sub);
        String jws = given().auth().oauth2(volunteer(sub)).when().get("/api/v1/certificates/" + c[1] + "/credential")
                .then().statusCode(200).contentType("application/vc+jwt").extract().asString();
        JsonPath keys = JsonPath.from(given().when().get("/api/v1/public/credentials/keys").then().statusCode(200)
                .extract().asString());
        PublicKey key = publicKey(keys.getString("keys[0].x"), keys.getString("keys[0].y"));

        assertTrue(verifies(jws, key));
        JsonPath header = JsonPath.from(part(jws, 0));
        assertEquals("ES256", header.getString("alg"));
        assertEquals("vc+jwt", header.getString("typ"));
        assertEquals(keys.getString("keys[0].kid"), header.getString("kid"));
        JsonPath vc = JsonPath.from(part(jws, 1));
        assertTrue(vc.getList("type").contains("OpenBadgeCredential"));
        assertEquals("https://www.w3.org/ns/credentials/v2", vc.getList("@context").get(0));
        assertEquals("urn:uuid:" + c[1], vc.getString("id"));
        assertEquals("李晓明", vc.getString("credentialSubject.name"));
        assertEquals(6.5f, vc.getFloat("credentialSubject.hours"));
        assertEquals("青年科技人才培训", vc.getString("credentialSubject.activity.name"));
        assertEquals(2026, vc.getInt("credentialSubject.year"));
        assertEquals("PARTICIPATION", vc.getString("credentialSubject.kind"));
        assertEquals(c[3], vc.getString("credentialSubject.achievement.creator.name"));
        assertEquals("“科创中国”科技服务团平台", vc.getString("issuer.name"));
        assertEquals("1EdTechRevocationList", vc.getString("credentialStatus.type"));
        // a credential whose payload was altered (more hours) no longer verifies
        String[] parts = jws.split("\\.");
        String forged = parts[0] + "." + b64(part(jws, 1).replace("6.5", "65.0")) + "." + parts[2];
        assertFalse(verifies(forged, key));

        given().when().get("/api/v1/public/credentials/status").then().statusCode(200)
                .body("revokedCredentials.id", not(hasItem("urn:uuid:" + c[1])));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "材料不实"))
                .when().post("/api/v1/certificates/" + c[1] + "/revoke").then().statusCode(200);
        given().when().get("/api/v1/public/certificates/" + c[2]).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        JsonPath status = JsonPath.from(given().when().get("/api/v1/public/credentials/status").then().statusCode(200)
                .extract().asString());
        assertTrue(status.getList("revokedCredentials.id").contains("urn:uuid:" + c[1]));
        assertEquals(vc.getString("credentialStatus.id").replaceAll("#.*", ""), status.getString("id"));
        String signedList = status.getString("jws");
        assertTrue(verifies(signedList, key));
        assertTrue(JsonPath.from(part(signedList, 1)).getList("revokedCredentials.id").contains("urn:uuid:" + c[1]));
    }

    @Test
    void onlyTheHolderTheTeamAndStaffGetTheDocuments() {
        String sub = "vol-acl-" + SEQ.incrementAndGet();
        String[] c = certificate(sub);
        for (String path : List.of("/api/v1/certificates/" + c[1] + ".pdf", "/api/v1/certificates/" + c[1] + "/credential")) {
            given().when().get(path).then().statusCode(401);
            given().auth().oauth2(volunteer("vol-other-" + SEQ.incrementAndGet())).when().get(path).then()
                    .statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.leadUnit("LU-other")).when().get(path).then().statusCode(404);
            given().auth().oauth2(TestTokens.leadUnit(c[0])).when().get(path).then().statusCode(200);
            given().auth().oauth2(OPERATOR).when().get(path).then().statusCode(200);
            given().auth().oauth2(TestTokens.token("auditor")).when().get(path).then().statusCode(200);
        }
        given().auth().oauth2(OPERATOR).when().get("/api/v1/certificates/" + java.util.UUID.randomUUID() + ".pdf")
                .then().statusCode(404);
    }

    @Test
    void aNominationNotYetApprovedHasNoDocument() {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when()
                .post("/api/v1/participations/" + log("vol-star", team[1], "4") + "/confirm").then().statusCode(200);
        String id = CreatedAt.follow(given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", "vol-star", "name", "欧阳明华", "reason", "全年服务企业30家"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(201).extract().response(),
                TestTokens.leadUnit(unit));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/certificates/" + id + ".pdf").then().statusCode(409)
                .body("code", equalTo("not-issued"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/certificates/" + id + "/credential").then()
                .statusCode(409).body("code", equalTo("not-issued"));
    }

    @Test
    void aVolunteersHoursStatementSumsConfirmedHoursInTheRange() throws Exception {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String sub = "vol-hours-" + SEQ.incrementAndGet();
        for (String hours : List.of("6.5", "3")) {
            String p = log(sub, team[1], hours);
            given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                    .then().statusCode(200);
        }
        log(sub, team[1], "100"); // pending: not counted
        given().auth().oauth2(volunteer(sub)).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/volunteers/me/hours").then().statusCode(200)
                .body("volunteer", equalTo(sub)).body("volunteerName", equalTo("李晓明"))
                .body("totalHours", equalTo(9.5f)).body("entries.size()", equalTo(2))
                .body("entries[0].activity", equalTo("青年科技人才培训"));
        // the activity (2026-11-01) is outside this range
        given().auth().oauth2(volunteer(sub)).queryParam("from", "2026-01-01").queryParam("to", "2026-10-31")
                .when().get("/api/v1/volunteers/me/hours").then().statusCode(200)
                .body("totalHours", equalTo(0)).body("entries.size()", equalTo(0));
        given().auth().oauth2(OPERATOR).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/volunteers/" + sub + "/hours").then().statusCode(200).body("totalHours", equalTo(9.5f));
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/volunteers/" + sub + "/hours").then().statusCode(200).body("totalHours", equalTo(0));
        given().auth().oauth2(volunteer("vol-nosy")).when().get("/api/v1/volunteers/" + sub + "/hours")
                .then().statusCode(404);
        given().when().get("/api/v1/volunteers/me/hours").then().statusCode(401);
        // no user id has control characters: never a 5xx
        given().urlEncodingEnabled(false).auth().oauth2(OPERATOR).when().get("/api/v1/volunteers/a%00b/hours")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
        given().urlEncodingEnabled(false).auth().oauth2(OPERATOR).when().get("/api/v1/volunteers/a%01b/hours")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/volunteers/" + "x".repeat(5000) + "/hours")
                .then().statusCode(404);
        given().auth().oauth2(volunteer(sub)).queryParam("from", "2026-13-01").when().get("/api/v1/volunteers/me/hours")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(volunteer(sub)).queryParam("from", "2026-12-01").queryParam("to", "2026-01-01")
                .when().get("/api/v1/volunteers/me/hours").then().statusCode(400).body("errors[0].field", equalTo("to"));

        byte[] pdf = given().auth().oauth2(volunteer(sub)).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/volunteers/me/hours.pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("李晓明"), text);
            assertTrue(text.contains("9.5 小时"), text);
            assertEquals(PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.5);
        }
    }

    @Test
    void aNameTheFontCannotPrintStillMakesADocument() throws Exception {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String sub = "vol-odd-" + SEQ.incrementAndGet();
        String p = CreatedAt.follow(given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON)
                .body(Map.of("activityId", team[1], "name", "李明😀𠀀", "role", "讲解", "hours", "2"))
                .when().post("/api/v1/participations").then().statusCode(201).extract().response(), volunteer(sub));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(200);
        String id = given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON).body(Map.of("participationId", p))
                .when().post("/api/v1/certificates/participation").then().statusCode(200).extract().path("id");
        byte[] pdf = given().auth().oauth2(volunteer(sub)).when().get("/api/v1/certificates/" + id + ".pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("李"));
        }
    }

    private static String qrCodeOf(PDPage page) throws Exception {
        List<String> found = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                BufferedImage img = image.getImage();
                int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                var bitmap = new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
                found.add(new QRCodeReader().decode(bitmap).getText());
            }
        }
        assertEquals(1, found.size(), "one QR code on the page");
        return found.get(0);
    }

    /** The JWK's point as a key, with nothing of the service's code: verification as a third party does it. */
    static PublicKey publicKey(String x, String y) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point,
                params.getParameterSpec(ECParameterSpec.class)));
    }

    static boolean verifies(String jws, PublicKey key) throws Exception {
        String[] parts = jws.split("\\.");
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static String part(String jws, int i) {
        return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
