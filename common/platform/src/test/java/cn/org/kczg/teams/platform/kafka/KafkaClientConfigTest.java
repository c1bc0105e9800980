package cn.org.kczg.teams.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {

    private static Map<String, String> select(Map<String, String> config) {
        return KafkaClientConfig.select(config.keySet(), name -> Optional.ofNullable(config.get(name)),
                ProducerConfig.configNames());
    }

    @Test
    void takesDottedAndEnvironmentNamesOfSettingsTheClientKnows() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", "kafka:9093");
        config.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        config.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("kafka.ssl.truststore.type", "PEM");
        config.put("KAFKA_HOME", "/opt/kafka");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("mp.messaging.incoming.x.topic", "y");

        assertEquals(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM"), select(config));
    }

    @Test
    void aConsumerOnlySettingIsNotGivenToAProducer() {
        assertEquals(Map.of(), select(Map.of("kafka.group.id", "g", "KAFKA_AUTO_OFFSET_RESET", "earliest")));
    }
}
