package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.gateway.securitylog.Anchor;
import cn.org.kczg.teams.gateway.securitylog.AnchorTopic;
import cn.org.kczg.teams.gateway.securitylog.ChainedLines;
import cn.org.kczg.teams.gateway.securitylog.DayFiles;
import cn.org.kczg.teams.gateway.securitylog.SecurityLog;
import cn.org.kczg.teams.gateway.securitylog.VerifySecurityLog;
import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.KafkaResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24: the security log's head is anchored in Kafka, and the verifier notices a cut tail by it. */
@QuarkusTest
@TestProfile(SecurityLogAnchorTests.WithBroker.class)
class SecurityLogAnchorTests {
    static final String TOPIC = "security-log.anchors";

    public static class WithBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kczg.gateway.security-log.anchor-topic", TOPIC,
                    "kczg.gateway.security-log.anchor-every", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(JwtKeyResource.class),
                    new TestResourceEntry(EchoBackendResource.class));
        }
    }

    @Inject
    SecurityLog log;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TempDir
    Path copy;

    @Test
    void theHeadIsPublishedAndTheLogMustStillReachIt() throws IOException {
        Path dir = EchoBackendResource.SECURITY_LOG;
        String chain = VerifySecurityLog.chainOf(dir);
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject("anchor-" + UUID.randomUUID())))
                .contentType("application/json").body("{}").when().post("/api/v1/teams/t-1/suspend").then()
                .statusCode(200);
        log.flush();
        Map<String, Object> last = lastLine(dir);
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrap);
        Anchor anchor = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> AnchorTopic.latest(client, TOPIC, chain),
                found -> found.filter(a -> a.hash().equals(last.get("hash"))).isPresent()).orElseThrow();
        assertEquals(((Number) last.get("seq")).longValue(), anchor.seq());
        assertTrue(VerifySecurityLog.verify(dir, anchor).ok());

        // the tail cut in a copy of the log (the gateway goes on writing the original)
        for (Path file : DayFiles.list(dir)) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path newest = DayFiles.list(copy).get(DayFiles.list(copy).size() - 1);
        List<String> lines = new ArrayList<>(Files.readAllLines(newest, StandardCharsets.UTF_8));
        lines.remove(lines.size() - 1);
        Files.write(newest, lines, StandardCharsets.UTF_8);

        assertTrue(VerifySecurityLog.verify(copy).ok(), "the chain alone does not notice");
        VerifySecurityLog.Result cut = VerifySecurityLog.verify(copy, anchor);
        assertFalse(cut.ok());
        assertTrue(cut.broken().startsWith("truncated"), cut.broken());

        // the command the launcher runs reads the newest anchor itself
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1, VerifySecurityLog.run(new String[] {copy.toString(), "--kafka", bootstrap, "--chain", chain},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("BROKEN truncated"), out.toString());
        out.reset();
        assertEquals(0, VerifySecurityLog.run(new String[] {dir.toString()}, Map.of("KAFKA_BOOTSTRAP_SERVERS",
                bootstrap), new PrintStream(out, true, StandardCharsets.UTF_8)), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("reaches the anchor of"), out.toString());
    }

    private static Map<String, Object> lastLine(Path dir) throws IOException {
        List<Path> files = DayFiles.list(dir);
        List<String> lines = Files.readAllLines(files.get(files.size() - 1), StandardCharsets.UTF_8);
        return ChainedLines.parse(lines.get(lines.size() - 1));
    }
}
