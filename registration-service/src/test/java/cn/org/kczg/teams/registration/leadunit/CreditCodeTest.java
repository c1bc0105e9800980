package cn.org.kczg.teams.registration.leadunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000100001234U", "511000005000000007", "12100000400000123X",
            "91440300MA5F000007"})
    void acceptsValidCodes(String code) {
        assertEquals(code, CreditCode.parse(code).code());
    }

    @Test
    void normalisesCaseAndSpaces() {
        assertEquals("91350100M000100Y43", CreditCode.parse(" 91350100m000100y43 ").code());
    }

    @Test
    void rejectsEveryWrongCheckCharacter() {
        String valid = "91350100M000100Y43";
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            if (c == '3') {
                continue;
            }
            CreditCode.Result result = CreditCode.parse(valid.substring(0, 17) + c);
            assertNull(result.code(), "accepted wrong check character " + c);
            assertTrue(result.error().contains("check character"), result.error());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433"})
    void rejectsWrongLength(String code) {
        assertNull(CreditCode.parse(code).code());
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsForbiddenLetters(char letter) {
        CreditCode.Result result = CreditCode.parse("9135010" + letter + "M000100Y43");
        assertNull(result.code());
        assertTrue(result.error().contains("not allowed"), result.error());
    }

    @Test
    void rejectsMissingCode() {
        assertEquals("is required", CreditCode.parse(null).error());
    }
}
