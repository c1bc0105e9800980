package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertEquals("10.1.2.3", new ClientAddress(List.of()).of("10.1.2.3", "198.51.100.7"));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", behindIngress.of("10.1.2.3", "198.51.100.7"));
        assertEquals("198.51.100.7", behindIngress.of("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9"),
                "hops the client wrote itself are left of the real one");
        assertEquals("2001:db8::1", behindIngress.of("fd00::5", "2001:db8::1"));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", "not-an-address"));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", null));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertEquals("198.51.100.7", behindIngress.of("198.51.100.7", "10.0.0.1"));
    }
}
