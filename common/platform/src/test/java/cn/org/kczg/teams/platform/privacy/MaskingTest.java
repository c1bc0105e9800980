package cn.org.kczg.teams.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("137****7000", Masking.phone("13700137000"));
        assertEquals("057*-****1111", Masking.phone("0571-87951111"));
        assertEquals("+86 1******5678", Masking.phone("+86 13912345678"));
        assertEquals("****56", Masking.phone("123456"));
    }

    @Test
    void emailsKeepTheFirstCharacterAndTheDomain() {
        assertEquals("z***@zju.edu.cn", Masking.email("zm@zju.edu.cn"));
        assertEquals("***", Masking.email("not-an-address"));
    }

    @Test
    void namesKeepTheirFirstAndLastCharacter() {
        assertEquals("周*", Masking.name("周敏"));
        assertEquals("欧**华", Masking.name("欧阳明华"));
        assertEquals("*", Masking.name("王"));
    }

    @Test
    void aContactInFreeTextShowsNoNameNumberOrAddressInFull() {
        assertEquals("139****5678", Masking.contact("13912345678"));
        assertEquals("王*生 139****5678", Masking.contact("王先生 13912345678"));
        assertEquals("w***@example.com", Masking.contact("邮箱 wang@example.com"));
        assertEquals("王*生", Masking.contact("王先生"));
    }

    @Test
    void theKindChoosesHowAndOtherKindsStayAsTheyAre() {
        assertEquals("137****7000", Masking.of(PersonalDataKind.PHONE, "13700137000"));
        assertEquals("z***@zju.edu.cn", Masking.of(PersonalDataKind.EMAIL, "zm@zju.edu.cn"));
        assertEquals("handler-zhoumin", Masking.of(PersonalDataKind.ACCOUNT_ID, "handler-zhoumin"));
        assertNull(Masking.of(PersonalDataKind.PHONE, null));
    }
}
