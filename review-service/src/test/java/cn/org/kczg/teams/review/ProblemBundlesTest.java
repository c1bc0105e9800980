package cn.org.kczg.teams.review;

import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every problem of review-service has its words in Chinese and in English. */
class ProblemBundlesTest {
    @Test
    void everyProblemSpeaksChineseAndEnglish() {
        ProblemBundles.assertBothLanguages("problems");
        ProblemBundles.assertEveryKeyUsedIsThere(Path.of("src/main/java"), Text.BUNDLES);
    }
}
