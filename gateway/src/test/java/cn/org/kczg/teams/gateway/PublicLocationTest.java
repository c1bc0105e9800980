package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicLocationTest {
    @Test
    void aServicesAddressNeverReachesTheClient() {
        assertEquals("/api/v1/tickets/6f1c?x=1", PublicLocation.of("http://127.0.0.1:8083/api/v1/tickets/6f1c?x=1",
                Optional.empty()));
        assertEquals("/api/v1/tickets/6f1c", PublicLocation.of("http://evil.example/api/v1/tickets/6f1c",
                Optional.empty()), "a forged Host reflected by a service is dropped too");
        assertEquals("https://teams-api.kczg.org.cn/api/v1/tickets/6f1c", PublicLocation.of(
                "http://activity:8083/api/v1/tickets/6f1c", Optional.of("https://teams-api.kczg.org.cn/")));
        assertEquals("https://teams-api.kczg.org.cn/api/v1/x", PublicLocation.of("/api/v1/x",
                Optional.of("https://teams-api.kczg.org.cn")));
    }
}
