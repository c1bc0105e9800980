package cn.org.kczg.teams.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, masking: after the flows of the shared suite (every class of the default order; only the evaluation flow
 * and the fuzzer come later), no log file of the suite holds a name, phone or e-mail address the flows sent — nor
 * anything in the services' and the gateway's logs shaped like a mainland mobile number or an e-mail address, but for
 * the platform's own sender.
 */
@Order(Integer.MAX_VALUE - 2)
class PersonalDataLogScanTest {
    /** Addresses that are the platform's, not a person's. */
    private static final Set<String> NOT_PERSONAL = Set.of("noreply@kczg.org.cn");

    @Test
    void noLogOfTheSuiteHoldsAPersonalValueTheFlowsSent() throws IOException {
        LaunchedSuite suite = LaunchedSuite.get();
        Set<String> values = PersonalValues.all();
        values.removeAll(NOT_PERSONAL);
        assertTrue(values.containsAll(List.of("陈静", "13700137000", "zm@zju.edu.cn")), "the values looked for: " + values);
        List<Path> files = suite.logFiles();
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("registration-service")),
                "the services' logs are read: " + files);
        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            // bytes that are not UTF-8 (a binary line) are replaced, not fatal
            String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
            // the second net, by shape, over what the suite's own code logs: the broker's and the database's logs
            // are full of long numbers that are offsets, ids and durations
            String name = file.getFileName().toString();
            boolean shapesChecked = name.startsWith("gateway") || name.matches("[a-z]+-service.*");
            for (int i = 0; i < lines.length && hits.size() < 50; i++) {
                String line = lines[i];
                for (String value : values) {
                    if (line.contains(value)) {
                        hits.add(file.getFileName() + ":" + (i + 1) + " holds " + value + ": " + line);
                    }
                }
                if (!shapesChecked) {
                    continue;
                }
                Matcher mobile = PersonalValues.MOBILE.matcher(line);
                while (mobile.find()) {
                    hits.add(file.getFileName() + ":" + (i + 1) + " holds a mobile number " + mobile.group() + ": "
                            + line);
                }
                Matcher email = PersonalValues.EMAIL.matcher(line);
                while (email.find()) {
                    if (!NOT_PERSONAL.contains(email.group())) {
                        hits.add(file.getFileName() + ":" + (i + 1) + " holds an e-mail address " + email.group()
                                + ": " + line);
                    }
                }
            }
        }
        assertTrue(hits.isEmpty(), "personal data in the logs (docs/personal-data.md, \"Masking\"):\n"
                + String.join("\n", hits));
    }
}
