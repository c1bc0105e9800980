package cn.org.kczg.teams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through as a newcomer runs it: {@code docs/walkthrough.sh} against the launched suite's
 * gateway, twice in a row — the second run meets everything the first one left (its lead unit, team name,
 * demand, the open window, an assessment run) and must pass all the same. Tokens come from {@code ./kczg token}
 * with the suite's own {@code KCZG_HOME}, so they are signed with the key the suite trusts. The script does not
 * publish the year's assessment (that is final; {@link EvaluationFlowTest} publishes it last).
 */
class WalkthroughScriptTest {
    private static final Pattern LEAD_UNIT = Pattern.compile("lead unit (5\\w{17}), application");

    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        // this year's window as every flow expects it (opened once per suite): the script reuses it
        TeamApplicationFlowTest.start();
    }

    @Test
    void theWalkthroughRunsTwiceInARow() throws Exception {
        String first = runScript(1);
        String second = runScript(2);
        assertTrue(second.contains("is reused"), "the second run did not reuse the open window:\n" + second);
        assertNotEquals(leadUnit(first), leadUnit(second), "both runs registered the same lead unit");
    }

    private static String runScript(int run) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path output = Files.createTempFile("kczg-walkthrough-" + run + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("docs/walkthrough.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("KCZG_URL", suite.gatewayUrl);
        builder.environment().put("KCZG_HOME", suite.keys().getParent().toString());
        builder.environment().remove("KCZG_TOKEN_CMD");
        builder.environment().remove("KCZG_WALKTHROUGH_PUBLISH");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("docs/walkthrough.sh (run " + run + ") did not finish in 5 minutes:\n" + read(output));
        }
        String text = read(output);
        assertEquals(0, process.exitValue(), "docs/walkthrough.sh (run " + run + ") failed:\n" + text);
        assertTrue(text.strip().endsWith("WALKTHROUGH OK"), "run " + run + " did not end with WALKTHROUGH OK:\n" + text);
        Files.deleteIfExists(output);
        return text;
    }

    private static String leadUnit(String output) {
        Matcher m = LEAD_UNIT.matcher(output);
        assertTrue(m.find(), "no lead unit named in:\n" + output);
        return m.group(1);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
