package cn.org.kczg.teams.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code kczg.kafka.*}: the topics a service makes sure of at start ({@link TopicBootstrap}). */
@ConfigMapping(prefix = "kczg.kafka")
public interface TopicsConfig {
    /** The topics it writes or reads; none in production, where Strimzi {@code KafkaTopic}s declare them. */
    Optional<List<String>> topics();

    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
