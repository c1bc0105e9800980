package cn.org.kczg.teams.registration.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamNameRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "“科创中国”智能制造产业科技服务团|智能制造产业",
        "\"科创中国\"智能制造产业科技服务团|智能制造产业",
        "＂科创中国＂新材料科技服务团|新材料",
        "“科创中国\"生物医药科技服务团|生物医药",
        "  “科创中国” 海洋经济 科技服务团  |海洋经济"})
    void acceptsTheArticle4ShapeAndStoresCurlyQuotes(String raw, String content) {
        var name = TeamNameRule.parse(raw).orElseThrow();
        assertEquals("“科创中国”" + content + "科技服务团", name.canonical());
        assertEquals(content, name.serviceContent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "“科创中国”科技服务团",              // empty middle
        "“科创中国”  科技服务团",            // blank middle
        "“科创中国”智能制造产业",            // missing suffix
        "“科创中国”智能制造产业服务团",      // wrong suffix
        "科创中国智能制造产业科技服务团",    // no quotes
        "「科创中国」智能制造产业科技服务团", // other quotes
        "‘科创中国’智能制造产业科技服务团",  // single curly quotes
        "“科创未来”智能制造产业科技服务团",  // wrong brand
        "智能制造“科创中国”科技服务团",      // brand not first
        "“科创中国”“智能”科技服务团",        // quotes in the middle
        ""})
    void rejectsEverythingElse(String raw) {
        assertTrue(TeamNameRule.parse(raw).isEmpty(), raw);
    }
}
