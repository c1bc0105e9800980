package cn.org.kczg.teams.activity;

import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** activity-service's problem words: both languages, the same keys and placeholders, every key used defined. */
class ProblemBundlesTest {
    @Test
    void everyProblemSpeaksChineseAndEnglish() {
        ProblemBundles.assertBothLanguages("problems");
        ProblemBundles.assertEveryKeyUsedIsThere(Path.of("src/main/java"), Text.BUNDLES);
    }
}
