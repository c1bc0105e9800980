package cn.org.kczg.teams.gateway.events;

import java.time.Instant;

/**
 * One event as the gateway keeps it for the live stream: where it sits in Kafka ({@code topic}, {@code partition},
 * {@code offset}), what filters read, the envelope as the services wrote it, and its event id (null if it had none).
 */
public record BufferedEvent(long seq, String topic, int partition, long offset, Instant timestamp, String type,
        String team, String leadUnit, String json, String eventId) {

    String partitionKey() {
        return topic + "-" + partition;
    }
}
