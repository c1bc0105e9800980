package cn.org.kczg.teams.activity;

import cn.org.kczg.teams.activity.volunteer.CredentialKeyResource;
import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.KafkaResource;
import cn.org.kczg.teams.testkit.MailServerResource;
import cn.org.kczg.teams.testkit.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real PostgreSQL, Kafka broker, SMTP server, JWT key and credential signing key every {@code @QuarkusTest} of this module runs against. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtKeyResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CredentialKeyResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
