package cn.org.kczg.teams.registration;

import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.testkit.ProblemBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every problem of the service has its words in Chinese and English, and every key the sources use is there. */
class ProblemBundlesTest {
    @Test
    void bundlesAreWholeInBothLanguages() {
        ProblemBundles.assertBothLanguages("problems");
    }

    @Test
    void everyKeyUsedIsInTheBundles() {
        ProblemBundles.assertEveryKeyUsedIsThere(Path.of("src/main/java"), Text.BUNDLES);
    }
}
