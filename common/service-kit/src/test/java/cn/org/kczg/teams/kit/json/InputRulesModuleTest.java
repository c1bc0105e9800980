package cn.org.kczg.teams.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputRulesModuleTest {
    record Budget(BigDecimal yearlyBudget, double share) {
    }

    record Report(String title, LocalDate endDate, Instant opensAt, List<String> categories, Budget budget) {
    }

    private static final ObjectMapper JSON = InputRulesModule.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static Report read(String json) throws Exception {
        return JSON.readValue(json, Report.class);
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? (path.isEmpty() ? "" : ".") + ref.getFieldName()
                    : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    @Test
    void ordinaryChineseTextNumbersAndDatesPass() throws Exception {
        Report r = read("{\"title\":\"智能制造对接会 🚀\\t第二场\\n\",\"endDate\":\"2026-11-20\",\"opensAt\":\"2026-11-30T08:00:00Z\","
                + "\"categories\":[\"TECH_TRANSFER\"],\"budget\":{\"yearlyBudget\":500000.50,\"share\":0.25}}");
        assertEquals("智能制造对接会 🚀\t第二场\n", r.title());
        assertEquals(new BigDecimal("500000.50"), r.budget().yearlyBudget());
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() {
        for (String text : List.of("a\\u0000b", "\\u0000", "a\\u001bb", "a\\u0085b", "a\\ud800b", "\\udc00")) {
            InputRuleViolation e = assertThrows(InputRuleViolation.class, () -> read("{\"title\":\"" + text + "\"}"));
            assertEquals("title", fieldOf(e));
        }
        InputRuleViolation e = assertThrows(InputRuleViolation.class,
                () -> read("{\"categories\":[\"ok\",\"a\\u0000\"]}"));
        assertEquals("categories[1]", fieldOf(e));
        assertTrue(e.rule().toString().contains("U+0000"), e.rule().toString());
    }

    @Test
    void hugeOrOverPreciseNumbersAreRefused() {
        for (String number : List.of("1e100000", "-1e15", "1000000000000000", "0.0000001")) {
            InputRuleViolation e = assertThrows(InputRuleViolation.class,
                    () -> read("{\"budget\":{\"yearlyBudget\":" + number + "}}"));
            assertEquals("budget.yearlyBudget", fieldOf(e));
        }
        assertThrows(InputRuleViolation.class, () -> read("{\"budget\":{\"share\":1e300}}"));
    }

    @Test
    void datesOutsideTheSaneRangeAreRefused() {
        assertThrows(InputRuleViolation.class, () -> read("{\"endDate\":\"+999999999-12-31\"}"));
        assertThrows(InputRuleViolation.class, () -> read("{\"endDate\":\"1899-12-31\"}"));
        assertThrows(InputRuleViolation.class, () -> read("{\"opensAt\":\"+999999999-12-31T00:00:00Z\"}"));
    }

    @Test
    void nullItemsInAListAreRefused() {
        InvalidNullException e = assertThrows(InvalidNullException.class, () -> read("{\"categories\":[null]}"));
        assertEquals("categories[0]", fieldOf(e));
    }
}
