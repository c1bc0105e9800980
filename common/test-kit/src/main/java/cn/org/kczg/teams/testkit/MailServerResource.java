package cn.org.kczg.teams.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points Quarkus Mailer at the {@link MailServer} of the test JVM. */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(MailServer.start()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        MailServer.stop();
    }
}
