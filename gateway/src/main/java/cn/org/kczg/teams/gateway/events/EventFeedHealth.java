package cn.org.kczg.teams.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The event feed's state in {@code /q/health/ready}, always UP: without the broker the gateway still proxies every
 * request, only the event stream waits — so a broker outage must not take the gateway out of traffic.
 */
@Readiness
@ApplicationScoped
public class EventFeedHealth implements HealthCheck {
    @Inject
    EventFeed feed;

    @Override
    public HealthCheckResponse call() {
        FeedStatus status = feed.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-feed").up()
                .withData("eventFeed", status.state().name().toLowerCase(Locale.ROOT))
                .withData("since", status.since().toString());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return response.build();
    }
}
