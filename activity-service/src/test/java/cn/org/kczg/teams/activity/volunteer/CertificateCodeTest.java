package cn.org.kczg.teams.activity.volunteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateCodeTest {

    @Test
    void codesCarryAtLeastSixtyBitsAndDoNotRepeat() {
        assertTrue(CertificateCode.LENGTH * 5 >= 60);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CertificateCode.next();
            assertEquals(CertificateCode.LENGTH, code.length());
            assertTrue(code.matches("[A-HJ-NP-Z2-9]+"), code);
            assertTrue(seen.add(code));
        }
    }

    @Test
    void namesAreMaskedInTheMiddle() {
        assertEquals("张*", CertificateCode.maskName("张伟"));
        assertEquals("李*明", CertificateCode.maskName("李晓明"));
        assertEquals("欧**华", CertificateCode.maskName("欧阳明华"));
        assertEquals("*", CertificateCode.maskName("王"));
        assertEquals("J****n", CertificateCode.maskName("Jia Yan".replace(" ", "")));
    }
}
