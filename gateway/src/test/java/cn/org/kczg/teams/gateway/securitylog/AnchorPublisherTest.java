package cn.org.kczg.teams.gateway.securitylog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.KafkaBroker;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Anchors reach the real test broker, keyed by chain, and only when the head moved. */
class AnchorPublisherTest {

    @Test
    void anAnchorIsPublishedOnlyWhenTheHeadMovedAndTheNewestIsWhatTheVerifierReads() {
        String topic = "anchors-" + UUID.randomUUID();
        String chain = "chain-" + UUID.randomUUID();
        Properties client = new Properties();
        client.put("bootstrap.servers", KafkaBroker.start());
        DayFiles.Head first = new DayFiles.Head(7, "a".repeat(64));
        DayFiles.Head second = new DayFiles.Head(9, "b".repeat(64));
        try (AnchorPublisher publisher = new AnchorPublisher(client, topic, chain, Clock.systemUTC())) {
            publisher.publish(new DayFiles.Head(0, ChainedLines.GENESIS)); // an empty log: nothing to anchor
            publisher.publishAndWait(first, Duration.ofSeconds(20));
            publisher.publish(first); // the broker has it
            publisher.publishAndWait(first, Duration.ofSeconds(20));
            publisher.publishAndWait(second, Duration.ofSeconds(20));
        }

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(topic, Duration.ofSeconds(20),
                read -> read.size() >= 2);
        assertEquals(List.of(7L, 9L), records.stream().map(r -> Anchor.parse(r.value()).orElseThrow().seq()).toList());
        assertEquals(List.of(chain, chain), records.stream().map(ConsumerRecord::key).toList());
        Anchor latest = AnchorTopic.latest(client, topic, chain).orElseThrow();
        assertEquals(9, latest.seq());
        assertEquals("b".repeat(64), latest.hash());
        assertEquals(java.util.Optional.empty(), AnchorTopic.latest(client, topic, "another-chain"));
    }
}
