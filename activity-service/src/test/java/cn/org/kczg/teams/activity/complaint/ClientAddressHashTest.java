package cn.org.kczg.teams.activity.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.WithDefault;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ClientAddressHashTest {
    private static final String PEPPER = "a-pepper-of-at-least-thirty-two-characters";

    static String hmac(String pepper, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAddressIsItsHmacUnderThePepperNotItsBareSha256() throws Exception {
        String kept = new ClientAddressHash(PEPPER).of("203.0.113.7");
        assertEquals(hmac(PEPPER, "203.0.113.7"), kept);
        assertNotEquals(sha256("203.0.113.7"), kept);
        assertEquals(64, kept.length());
    }

    @Test
    void anotherPepperGivesAnotherHashAndTheSamePepperTheSame() {
        String address = "203.0.113.7";
        assertNotEquals(new ClientAddressHash(PEPPER).of(address),
                new ClientAddressHash(PEPPER.replace('a', 'b')).of(address));
        assertEquals(new ClientAddressHash(PEPPER).of(address), new ClientAddressHash(PEPPER).of(address));
    }

    @Test
    void noPepperShipsOutsideDevAndTestSoProductionCannotStartWithoutOne() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = ClientAddressHashTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        assertNull(shipped.getProperty("kczg.personal-data.pepper"));
        assertNull(PersonalDataConfig.class.getMethod("pepper").getAnnotation(WithDefault.class));
        assertNotNull(shipped.getProperty("%test.kczg.personal-data.pepper"));
    }

    @Test
    void noOrAShortPepperIsRefused() {
        assertThrows(IllegalStateException.class, () -> new ClientAddressHash((String) null));
        assertThrows(IllegalStateException.class, () -> new ClientAddressHash(" ".repeat(40)));
        assertThrows(IllegalStateException.class, () -> new ClientAddressHash("x".repeat(31)));
    }
}
