package cn.org.kczg.teams.activity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChineseTermsTest {
    private final ChineseTerms terms = new ChineseTerms(Synonyms.of(List.of(List.of("装备制造", "工程机械"),
            List.of("电子信息", "集成电路"), List.of("集成电路", "芯片"))));

    @Test
    void hanTextBecomesOverlappingBigramsAndLatinWordsLowerCase() {
        Map<String, Integer> counts = new ChineseTerms(Synonyms.NONE).counts("工业机器人，ＭＥＳ系统 MES");
        assertEquals(Map.of("工业", 1, "业机", 1, "机器", 1, "器人", 1, "mes", 2, "系统", 1), counts);
    }

    @Test
    void synonymsMeetInOneTermBothWaysAndAcrossLines() {
        String machinery = terms.counts("工程机械液压件").keySet().stream().filter(t -> t.startsWith("≈"))
                .findFirst().orElseThrow();
        assertTrue(terms.counts("装备制造").containsKey(machinery));
        String chips = terms.counts("芯片封装").keySet().stream().filter(t -> t.startsWith("≈")).findFirst()
                .orElseThrow();
        assertTrue(terms.counts("电子信息产业").containsKey(chips), "电子信息 ≈ 集成电路 ≈ 芯片");
    }

    @Test
    void theSynonymFileIsReadWithItsCommentsSkipped() {
        Synonyms read = Synonyms.read(new java.io.ByteArrayInputStream(
                "# c\n装备制造\t工程机械,机械装备\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(3, read.size());
    }
}
