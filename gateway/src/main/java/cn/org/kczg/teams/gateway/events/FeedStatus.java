package cn.org.kczg.teams.gateway.events;

import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Whether the event feed is reading the broker, since when, and its last error — for health. Logs once per outage:
 * when the broker is lost and when it is back, not at every failed attempt in between.
 */
public final class FeedStatus {
    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    public enum State {
        STARTING, CONNECTED, RECONNECTING, DISABLED
    }

    private volatile State state = State.STARTING;
    private volatile Instant since = Instant.now();
    private volatile String lastError;

    public State state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    /** The last broker error, also after the feed reconnected; null if there was none. */
    public String lastError() {
        return lastError;
    }

    synchronized void disabled() {
        state = State.DISABLED;
        since = Instant.now();
    }

    synchronized void connected() {
        if (state == State.CONNECTED) {
            return;
        }
        if (state == State.RECONNECTING) {
            LOG.infof("Event feed reconnected after %d s", Duration.between(since, Instant.now()).toSeconds());
        }
        state = State.CONNECTED;
        since = Instant.now();
    }

    synchronized void lost(Throwable error, Duration retryIn) {
        lastError = error.toString();
        if (state == State.RECONNECTING) {
            LOG.debugf("Event feed still without the broker (%s); next attempt in %d ms", lastError,
                    retryIn.toMillis());
            return;
        }
        LOG.warnf("Event feed lost the broker (%s); reconnecting with back-off, resuming after the last event read",
                lastError);
        state = State.RECONNECTING;
        since = Instant.now();
    }
}
