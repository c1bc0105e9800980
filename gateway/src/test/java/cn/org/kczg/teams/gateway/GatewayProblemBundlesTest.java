package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayProblemBundlesTest {
    /** GatewayProblems.answer(request, status, "code", "key" …), problem(context, status, "code", "key" …), InvalidParameter(field, "key" …) */
    private static final Pattern KEY = Pattern.compile(
            "(?:answer|problem)\\([^;]*?\\d{3}, \"[a-z-]+\", \"([a-z.-]+)\"|InvalidParameter\\([^,]+, \"([a-z.-]+)\"");

    @Test
    void everyGatewayProblemSpeaksChineseAndEnglish() throws Exception {
        ProblemBundles.assertBothLanguages("problems");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!GatewayProblems.TEXTS.has(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertTrue(found >= 20, "found only " + found + " problem sites");
        assertTrue(missing.isEmpty(), "keys without words in both languages: " + missing);
    }
}
