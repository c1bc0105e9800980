package cn.org.kczg.teams.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The suite's five apps as the deploy checks see them: their HTTP ports and the configuration each reads —
 * its application.properties and, for the four services, the service-kit defaults, plus the keys injected
 * with {@code @ConfigProperty} in its sources (or the kit's). An environment variable reaches an app only if
 * it is the environment name of one of those keys (QUARKUS_DATASOURCE_JDBC_URL → quarkus.datasource.jdbc.url).
 */
final class Apps {
    /** The repository; the tests run in deploy/checks. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final String GATEWAY = "gateway";
    static final Map<String, Integer> PORTS = Map.of("registration-service", 8081, "review-service", 8082,
            "activity-service", 8083, "evaluation-service", 8084, GATEWAY, 8080);
    /** Where each app answers its health checks: the gateway on its management port, never its public one. */
    static final Map<String, Integer> HEALTH_PORTS = Map.of("registration-service", 8081, "review-service", 8082,
            "activity-service", 8083, "evaluation-service", 8084, GATEWAY, 9000);
    static final Set<String> SERVICES = Set.of("registration-service", "review-service", "activity-service",
            "evaluation-service");

    private static final Path KIT = ROOT.resolve("common/service-kit");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** A method of a mapping interface, at the interface's own indentation (4 spaces): {@code int partitions();}. */
    private static final Pattern MAPPED_METHOD = Pattern.compile("(?m)^    [\\w<>, ?.]+ (\\w+)\\(\\);");

    private Apps() {
    }

    /** The app's properties files merged (the app's own override the kit's defaults). */
    static Properties configuration(String app) {
        Properties merged = new Properties();
        for (Path file : propertyFiles(app)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                merged.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return merged;
    }

    /** The environment names of every key the app reads. */
    static Set<String> knownEnvironment(String app) {
        Set<String> names = new TreeSet<>();
        configuration(app).stringPropertyNames().forEach(key -> names.add(environmentName(key)));
        for (Path sources : sourceRoots(app)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher m = CONFIG_PROPERTY.matcher(source);
                    while (m.find()) {
                        names.add(environmentName(m.group(1)));
                    }
                    mappedKeys(source).forEach(key -> names.add(environmentName(key)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /**
     * The keys of a {@code @ConfigMapping} interface's own methods: {@code prefix.kebab-name}, e.g.
     * {@code replicationFactor()} under {@code kczg.kafka} is {@code kczg.kafka.replication-factor}. Nested groups
     * are not followed (their keys need a properties entry to be set from the environment).
     */
    static Set<String> mappedKeys(String source) {
        Set<String> keys = new TreeSet<>();
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (!mapping.find()) {
            return keys;
        }
        Matcher method = MAPPED_METHOD.matcher(source.substring(mapping.end()));
        while (method.find()) {
            keys.add(mapping.group(1) + "." + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
        }
        return keys;
    }

    /**
     * Whether the app reads the environment variable: the environment name of a key it reads, or any KAFKA_*
     * variable — every Kafka client of the apps (SmallRye's channels, the outbox producer, the topic admin, the
     * gateway's feed and dead-letter clients) takes all kafka.* settings (KafkaClientConfig, and Quarkus' default
     * Kafka configuration for the channels), so KAFKA_SECURITY_PROTOCOL or KAFKA_SASL_JAAS_CONFIG reach the clients
     * although no properties file names them.
     */
    static boolean reads(String app, String variable) {
        return variable.startsWith("KAFKA_") || knownEnvironment(app).contains(variable);
    }

    // ---- what each app does with Kafka, from its configuration and sources ----------------------------------

    /** The topic a service's outbox relay publishes to. */
    static String outboxTopic(String service) {
        return configuration(service).getProperty("kczg.outbox.topic");
    }

    /** The topics of a service's incoming channels (one {@code topic}, or a comma-separated {@code topics}). */
    static Set<String> consumedTopics(String service) {
        Set<String> topics = new TreeSet<>(channelValues(service, "topic"));
        channelValues(service, "topics").forEach(list -> Stream.of(list.split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).forEach(topics::add));
        return topics;
    }

    /** The dead-letter topics of a service's incoming channels (where it sends what it can never process). */
    static Set<String> deadLetterTopics(String service) {
        return channelValues(service, "dead-letter-queue.topic");
    }

    /** The consumer groups of a service's incoming channels (the connector's group.id unless a channel sets one). */
    static Set<String> consumerGroups(String service) {
        Properties config = configuration(service);
        Set<String> groups = new TreeSet<>();
        for (String channel : channels(service)) {
            String group = config.getProperty("mp.messaging.incoming." + channel + ".group.id",
                    config.getProperty("mp.messaging.connector.smallrye-kafka.group.id"));
            groups.add(group.replace("${quarkus.application.name}", config.getProperty("quarkus.application.name")));
        }
        return groups;
    }

    /** The topics TopicBootstrap looks for at start (and would create when missing). */
    static Set<String> bootstrapTopics(String service) {
        String topics = configuration(service).getProperty("kczg.kafka.topics", "");
        Set<String> names = new TreeSet<>();
        Stream.of(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(names::add);
        return names;
    }

    /** Whether the kit's outbox producer runs transactions (then it needs TransactionalId ACLs). */
    static boolean outboxIsTransactional() {
        String relay = read(KIT.resolve("src/main/java/cn/org/kczg/teams/kit/outbox/OutboxRelay.java"));
        return relay.contains("TRANSACTIONAL_ID") || relay.contains("transactional.id");
    }

    /** The topic the gateway publishes its security log's anchors to (and the verifier reads them from). */
    static String gatewayAnchorTopic() {
        String topic = configuration(GATEWAY).getProperty("kczg.gateway.security-log.anchor-topic", "");
        if (topic.isBlank()) {
            throw new IllegalStateException("the gateway's application.properties names no anchor topic");
        }
        return topic.trim();
    }

    /** The event topics the gateway's feed reads (GatewayConfig's default unless the properties set them). */
    static Set<String> gatewayEventTopics() {
        String configured = configuration(GATEWAY).getProperty("kczg.gateway.events.topics");
        if (configured == null) {
            Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*List<String> topics\\(\\)")
                    .matcher(read(ROOT.resolve("gateway/src/main/java/cn/org/kczg/teams/gateway/GatewayConfig.java")));
            if (!m.find()) {
                throw new IllegalStateException("GatewayConfig no longer declares the event topics' default");
            }
            configured = m.group(1);
        }
        Set<String> topics = new TreeSet<>();
        Stream.of(configured.split(",")).map(String::trim).forEach(topics::add);
        return topics;
    }

    /** The dead-letter topics the gateway lists and replays from (DeadLetterStore: each event topic + ".dlq"). */
    static Set<String> gatewayDeadLetterTopics() {
        String store = read(ROOT.resolve("gateway/src/main/java/cn/org/kczg/teams/gateway/deadletters/DeadLetterStore.java"));
        if (!store.contains("t + \".dlq\"")) {
            throw new IllegalStateException("DeadLetterStore no longer names its topics <topic>.dlq");
        }
        Set<String> topics = new TreeSet<>();
        gatewayEventTopics().forEach(t -> topics.add(t + ".dlq"));
        return topics;
    }

    private static Set<String> channels(String service) {
        Set<String> channels = new TreeSet<>();
        Pattern connector = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
        for (String key : configuration(service).stringPropertyNames()) {
            Matcher m = connector.matcher(key);
            if (m.matches()) {
                channels.add(m.group(1));
            }
        }
        return channels;
    }

    private static Set<String> channelValues(String service, String suffix) {
        Properties config = configuration(service);
        Set<String> values = new TreeSet<>();
        for (String channel : channels(service)) {
            String value = config.getProperty("mp.messaging.incoming." + channel + "." + suffix);
            if (value != null) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MicroProfile Config's environment name of a key, without its profile: %test.a."b".c-d → A_B_C_D. */
    static String environmentName(String key) {
        return key.replaceFirst("^%[a-z]+\\.", "").replace("\"", "").toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static List<Path> propertyFiles(String app) {
        List<Path> files = new ArrayList<>();
        if (SERVICES.contains(app)) {
            files.add(KIT.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        }
        files.add(ROOT.resolve(app + "/src/main/resources/application.properties"));
        return files;
    }

    private static List<Path> sourceRoots(String app) {
        Path own = ROOT.resolve(app + "/src/main/java");
        return SERVICES.contains(app) ? List.of(own, KIT.resolve("src/main/java")) : List.of(own);
    }
}
