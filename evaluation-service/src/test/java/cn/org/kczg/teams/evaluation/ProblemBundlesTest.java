package cn.org.kczg.teams.evaluation;

import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service's problem words: both languages, the same keys and placeholders, every key the code uses. */
class ProblemBundlesTest {

    @Test
    void everyProblemSpeaksChineseAndEnglish() {
        ProblemBundles.assertBothLanguages("problems");
        ProblemBundles.assertEveryKeyUsedIsThere(Path.of("src/main/java"), Text.BUNDLES);
    }
}
