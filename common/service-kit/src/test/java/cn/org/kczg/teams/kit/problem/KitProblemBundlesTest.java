package cn.org.kczg.teams.kit.problem;

import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KitProblemBundlesTest {
    @Test
    void everyKitProblemSpeaksChineseAndEnglish() {
        ProblemBundles.assertBothLanguages("kit-problems");
        ProblemBundles.assertEveryKeyUsedIsThere(Path.of("src/main/java"), Text.BUNDLES);
    }
}
