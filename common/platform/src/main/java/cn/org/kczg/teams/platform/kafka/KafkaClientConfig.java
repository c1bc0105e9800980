package cn.org.kczg.teams.platform.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * The one place a hand-built Kafka client (outbox producer, topic admin, the gateway's feed and dead-letter
 * clients) takes its connection settings from: every {@code kafka.*} property, as SmallRye's channels take
 * them, so TLS and SASL set for production ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, …)
 * reach every client. Environment names ({@code KAFKA_SASL_JAAS_CONFIG}) read as {@code sasl.jaas.config};
 * only names the client type knows are taken, so an unrelated {@code KAFKA_HOME} is not passed on.
 */
public final class KafkaClientConfig {
    private static final String PREFIX = "kafka.";

    private KafkaClientConfig() {
    }

    public static Properties producer(Config config) {
        return from(config, ProducerConfig.configNames());
    }

    public static Properties consumer(Config config) {
        return from(config, ConsumerConfig.configNames());
    }

    public static Properties admin(Config config) {
        return from(config, AdminClientConfig.configNames());
    }

    private static Properties from(Config config, Set<String> known) {
        Properties props = new Properties();
        props.putAll(select(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class), known));
        return props;
    }

    /** The client settings among the configuration's names: {@code kafka.x.y} or {@code KAFKA_X_Y} → {@code x.y}. */
    static Map<String, String> select(Iterable<String> names, Function<String, Optional<String>> value,
            Set<String> known) {
        Map<String, String> settings = new HashMap<>();
        for (String name : names) {
            String key = clientKey(name);
            if (key != null && known.contains(key)) {
                value.apply(name).ifPresent(v -> settings.put(key, v));
            }
        }
        return settings;
    }

    private static String clientKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX) && !lower.startsWith("kafka_")) {
            return null;
        }
        String rest = lower.substring(PREFIX.length());
        return name.startsWith("KAFKA_") ? rest.replace('_', '.') : rest;
    }
}
