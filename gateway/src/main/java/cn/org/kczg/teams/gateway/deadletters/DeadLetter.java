package cn.org.kczg.teams.gateway.deadletters;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A message a consumer gave up on, as it lies in {@code <topic>.dlq}: where it came from, why it failed, and
 * whether staff have sent it back. {@code id} is {@code <dlq topic>:<partition>:<offset>}.
 */
public record DeadLetter(String id, String topic, Integer partition, Long offset, String key, String type,
        String eventId, String reason, String cause, Instant deadAt, String message, Instant replayedAt) {
    static final int MESSAGE_SHOWN = 8_000;

    DeadLetter replayed(Instant at) {
        return new DeadLetter(id, topic, partition, offset, key, type, eventId, reason, cause, deadAt, message, at);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("topic", topic).put("partition", partition)
                .put("offset", offset).put("key", key).put("type", type).put("eventId", eventId)
                .put("reason", reason).put("cause", cause).put("deadAt", String.valueOf(deadAt))
                .put("message", message == null || message.length() <= MESSAGE_SHOWN ? message
                        : message.substring(0, MESSAGE_SHOWN) + "…");
        if (replayedAt != null) {
            json.put("replayedAt", replayedAt.toString());
        }
        return json;
    }
}
