package cn.org.kczg.teams.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTextsTest {
    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.choose(null));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.choose(""));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.choose("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.choose("fr-FR"));
        assertEquals(ProblemTexts.CHINESE, ProblemTexts.choose("\u0000;;q=x"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.choose("en"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.choose("en-US,en;q=0.9,zh;q=0.5"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.choose("fr;q=1, en;q=0.5"));
    }
}
