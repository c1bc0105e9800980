package cn.org.kczg.teams.kit.health;

import cn.org.kczg.teams.kit.outbox.OutboxStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker as the outbox relay sees it, the backlog and parked events — and stays UP: with the broker
 * away, writes still commit (their events wait in the outbox), so an instance is still fit for traffic.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Inject
    OutboxStats stats;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("broker", stats.publishingFailure() == null ? "publishing" : "unreachable")
                .withData("backlog", stats.backlog())
                .withData("oldestUnsentAgeSeconds", stats.oldestUnsentAge().toSeconds())
                .withData("parked", stats.parked());
        if (stats.publishingFailure() != null) {
            response.withData("unreachableSince", String.valueOf(stats.publishingFailingSince()))
                    .withData("lastError", stats.publishingFailure());
        }
        for (int i = 0; i < stats.parkedRows().size(); i++) {
            response.withData("parked." + (i + 1), stats.parkedRows().get(i));
        }
        return response.build();
    }
}
