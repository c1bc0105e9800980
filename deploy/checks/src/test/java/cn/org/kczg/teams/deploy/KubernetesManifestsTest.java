package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Apps.GATEWAY;
import static cn.org.kczg.teams.deploy.Apps.PORTS;
import static cn.org.kczg.teams.deploy.Apps.SERVICES;
import static cn.org.kczg.teams.deploy.Tree.at;
import static cn.org.kczg.teams.deploy.Tree.integer;
import static cn.org.kczg.teams.deploy.Tree.list;
import static cn.org.kczg.teams.deploy.Tree.map;
import static cn.org.kczg.teams.deploy.Tree.maps;
import static cn.org.kczg.teams.deploy.Tree.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} and checks what would reach a cluster: every app's
 * workload is probed on its health endpoints, sized, locked down (non-root, no privileges, read-only root, no
 * service-account token), spread over nodes, reachable through exactly one Service, disruptable one pod at a time
 * and handed only environment variables it reads; only the gateway is routed from outside, and only its API and
 * API document (no /q/metrics); images are pinned; Secrets stay out of git except the dev overlay's; in both
 * overlays NetworkPolicies deny by default and admit only the paths the suite uses. prod additionally:
 * autoscaled replicas the autoscaler owns, a Strimzi Kafka with its topics, TLS, a SCRAM user per app and ACLs
 * for exactly what each app does, a CloudNativePG cluster with a database and role per service, a digest-pinned
 * image and continuous backups. (SchemaValidationTest checks every object against the real schemas.)
 */
class KubernetesManifestsTest {
    private static final String BASE = "base";
    private static final String DEV = "overlays/dev";
    private static final String PROD = "overlays/prod";
    /** prod with kczg-postgres recovered to a point in time (deploy/README.md, "Backups (prod)"). */
    private static final String PROD_PITR = "overlays/prod-pitr";
    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";
    /** CloudNativePG's cron, seconds first: a fixed second, minute and hour, every day. */
    /** A recovery target time as CloudNativePG reads it, with its offset (no guessing of the server's zone). */
    private static final Pattern TARGET_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)");
    private static final Pattern DAILY = Pattern.compile("[0-9]{1,2} [0-9]{1,2} [0-9]{1,2} \\* \\* \\*");
    private static final Set<String> TOPICS = Set.of("registration.events", "registration.events.dlq",
            "review.events", "review.events.dlq", "activity.events", "activity.events.dlq", "evaluation.events",
            "evaluation.events.dlq", "security-log.anchors");
    private static final Map<String, String> HEALTH = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
    private static final Pattern PINNED_TAG = Pattern.compile("[0-9]+\\.[0-9]+[\\w.-]*");
    private static final int DNS = 53;
    /** activity-service's webhook calls (443) and mail (587): to public addresses only. */
    private static final Set<Integer> PUBLIC_EGRESS = Set.of(443, 587);
    /** What those may never reach: private, shared (CGNAT), link-local (cloud metadata) and loopback ranges. */
    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8");

    // ---- every overlay ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void probesCheckTheHealthEndpointsOnTheAppsOwnPort(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> container = appContainer(m, app);
            int port = PORTS.get(app);
            int healthPort = Apps.HEALTH_PORTS.get(app);
            assertTrue(maps(container, "ports").stream().anyMatch(p -> Objects.equals(port, integer(p, "containerPort"))),
                    m + " " + app + " declares its port " + port);
            HEALTH.forEach((probe, path) -> {
                Map<String, Object> get = map(container, probe, "httpGet");
                assertEquals(path, text(get, "path"), m + " " + app + ": " + probe + " path");
                assertEquals(healthPort, containerPort(container, get.get("port")), m + " " + app + ": " + probe + " port");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyAppContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            for (Map<String, Object> container : containers(pod(workload(m, app)))) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertNotNull(at(container, "resources", bound, resource),
                                m + " " + app + "/" + container.get("name") + ": resources." + bound + "." + resource);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void appPodsRunAsUser185WithoutPrivilegesOnAReadOnlyRoot(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> pod = pod(workload(m, app));
            assertEquals(false, pod.get("automountServiceAccountToken"), m + " " + app + " mounts no API token");
            assertEquals(false, pod.get("enableServiceLinks"), m + " " + app + " gets no service-link variables");
            for (Map<String, Object> container : containers(pod)) {
                String where = m + " " + app + "/" + container.get("name") + ": ";
                assertEquals(true, effectiveSecurity(pod, container, "runAsNonRoot"), where + "runAsNonRoot");
                assertEquals(185, effectiveSecurity(pod, container, "runAsUser"), where + "runAsUser");
                assertEquals("RuntimeDefault", text(effectiveSecurity(pod, container, "seccompProfile"), "type"),
                        where + "seccompProfile");
                Map<String, Object> security = map(container, "securityContext");
                assertEquals(false, security.get("allowPrivilegeEscalation"), where + "allowPrivilegeEscalation");
                assertEquals(true, security.get("readOnlyRootFilesystem"), where + "readOnlyRootFilesystem");
                assertTrue(list(security, "capabilities", "drop").contains("ALL"), where + "drops ALL capabilities");
                assertTrue(volumeMountedAt(pod, container, "/tmp").containsKey("emptyDir"), where + "/tmp is an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void theJwtKeyIsAFileFromASecretOrTheIdentityProvidersJwksUrl(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> container = appContainer(m, app);
            Object configured = environment(m, container).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            String location = configured != null ? String.valueOf(configured)
                    : Apps.configuration(app).getProperty("mp.jwt.verify.publickey.location");
            if (location.matches("https?://.+")) {
                continue;
            }
            int slash = location.lastIndexOf('/');
            Map<String, Object> volume = volumeMountedAt(pod(workload(m, app)), container, location.substring(0, slash));
            assertNotNull(text(volume, "secret", "secretName"), m + " " + app + ": " + location + " comes from a Secret");
            List<Map<String, Object>> items = maps(volume, "secret", "items");
            String file = location.substring(slash + 1);
            assertTrue(items.isEmpty() || items.stream().anyMatch(i -> file.equals(i.get("path"))),
                    m + " " + app + ": the Secret volume provides " + file);
        }
    }

    /**
     * Issue 24: every app verifies SM3withSM2 tokens with the identity provider's SM2 key when the Secret has one —
     * an optional key of an optional Secret volume, so a provider without SM2 still starts (platform Sm2Jwt.at).
     */
    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void theSm2KeyIsAnOptionalFileFromTheJwtSecret(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> container = appContainer(m, app);
            Object location = environment(m, container).get("KCZG_JWT_SM2_PUBLICKEY_LOCATION");
            assertNotNull(location, m + " " + app + " names the SM2 key's file");
            String path = String.valueOf(location);
            int slash = path.lastIndexOf('/');
            Map<String, Object> volume = volumeMountedAt(pod(workload(m, app)), container, path.substring(0, slash));
            assertEquals("kczg-jwt", text(volume, "secret", "secretName"), m + " " + app + ": " + path);
            assertEquals(true, map(volume, "secret").get("optional"), m + " " + app + ": the SM2 key is optional");
            assertTrue(maps(volume, "secret", "items").stream().anyMatch(i -> "sm2-public.pem".equals(i.get("key"))
                    && path.substring(slash + 1).equals(i.get("path"))), m + " " + app + ": the volume provides "
                    + path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyEnvironmentVariableIsAKeyTheAppReads(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            for (Map<String, Object> container : containers(pod(workload(m, app)))) {
                environment(m, container).forEach((variable, value) -> {
                    // any KAFKA_* counts as read: every Kafka client of the apps takes all kafka.* settings (Apps.reads)
                    assertTrue(Apps.reads(app, variable), m + " " + app + " does not read " + variable
                            + " (no such key in its configuration)");
                    Map<String, Object> fromConfigMap = map(value, "configMapKeyRef");
                    if (!fromConfigMap.isEmpty()) {
                        String name = text(fromConfigMap, "name");
                        assertTrue(m.find("ConfigMap", name).map(c -> map(c, "data").containsKey(fromConfigMap.get("key")))
                                .orElse(false), m + " " + app + ": " + variable + " refers to a missing ConfigMap key");
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void eachAppIsSelectedByExactlyOneServiceThatTargetsItsPort(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> labels = podLabels(workload(m, app));
            List<Map<String, Object>> services = m.ofKind("Service").stream()
                    .filter(s -> !map(s, "spec", "selector").isEmpty() && hasLabels(labels, map(s, "spec", "selector")))
                    .toList();
            assertEquals(1, services.size(), m + ": Services selecting " + app + ": " + names(services));
            Map<String, Object> container = appContainer(m, app);
            assertTrue(maps(services.get(0), "spec", "ports").stream().anyMatch(p -> Objects.equals(PORTS.get(app),
                    containerPort(container, p.containsKey("targetPort") ? p.get("targetPort") : p.get("port")))),
                    m + ": the Service of " + app + " forwards to its port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void eachAppHasADisruptionBudgetThatLetsADrainProceed(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> workload = workload(m, app);
            List<Map<String, Object>> budgets = m.ofKind("PodDisruptionBudget").stream()
                    .filter(b -> selects(map(b, "spec", "selector"), podLabels(workload))).toList();
            assertEquals(1, budgets.size(), m + ": PodDisruptionBudgets of " + app + ": " + names(budgets));
            int replicas = fewestReplicas(m, workload);
            assertTrue(allowedDisruptions(budgets.get(0), replicas) >= 1,
                    m + ": the budget of " + app + " blocks every eviction at " + replicas + " replica(s)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void onlyTheGatewayIsReachableFromOutside(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> exposed = new TreeSet<>();
        for (Map<String, Object> route : m.ofKind("HTTPRoute")) {
            for (Map<String, Object> rule : maps(route, "spec", "rules")) {
                maps(rule, "backendRefs").forEach(ref -> {
                    assertTrue(Objects.toString(ref.get("kind"), "Service").equals("Service")
                            && !ref.containsKey("namespace"), m + ": routes lead to Services of this namespace: " + ref);
                    exposed.add(appBehind(m, text(ref, "name")));
                });
            }
        }
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            List<String> backends = new ArrayList<>();
            backends.add(text(ingress, "spec", "defaultBackend", "service", "name"));
            for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
                maps(rule, "http", "paths").forEach(path -> backends.add(text(path, "backend", "service", "name")));
            }
            backends.stream().filter(Objects::nonNull).forEach(name -> exposed.add(appBehind(m, name)));
        }
        assertEquals(Set.of(GATEWAY), exposed, m + ": apps behind an HTTPRoute or Ingress");
        for (Map<String, Object> service : m.ofKind("Service")) {
            assertTrue(Set.of("ClusterIP", "").contains(Objects.toString(text(service, "spec", "type"), "")),
                    m + ": Service " + text(service, "metadata", "name") + " is not exposed by itself");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyContainerImageIsPinnedToAVersion(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<Map<String, Object>> pods = new ArrayList<>();
        Stream.of("Deployment", "StatefulSet", "DaemonSet", "Job").forEach(k -> m.ofKind(k).forEach(w -> pods.add(pod(w))));
        m.ofKind("CronJob").forEach(c -> pods.add(map(c, "spec", "jobTemplate", "spec", "template", "spec")));
        assertTrue(pods.size() >= PORTS.size(), m + " runs workloads");
        for (Map<String, Object> pod : pods) {
            for (Map<String, Object> container : containers(pod)) {
                String image = text(container, "image");
                assertTrue(isPinned(image), m + ": " + container.get("name") + " runs an unpinned image: " + image);
            }
        }
    }

    @Test
    void secretValuesLiveOnlyInTheDevOverlayMarkedDevOnly() {
        assertEquals(List.of(), names(Manifests.of(BASE).ofKind("Secret")), "base only refers to Secrets by name");
        assertEquals(List.of(), names(Manifests.of(PROD).ofKind("Secret")), "prod only refers to Secrets by name");
        for (Map<String, Object> secret : Manifests.of(DEV).ofKind("Secret")) {
            assertEquals("true", text(secret, "metadata", "labels", "kczg.org.cn/dev-only"),
                    "dev Secret " + text(secret, "metadata", "name") + " is labelled dev-only");
        }
    }

    // ---- dev ----------------------------------------------------------------------------------------------

    @Test
    void devRunsOneReplicaOfEachAppNextToItsOwnKafkaAndPostgres() {
        Manifests m = Manifests.of(DEV);
        assertEquals(List.of(), names(m.ofKind("HorizontalPodAutoscaler")), "dev does not autoscale");
        Map<String, Object> kafka = statefulSetOf(m, "apache/kafka:");
        Map<String, Object> postgres = statefulSetOf(m, "postgres:");
        assertTrue(String.valueOf(environment(m, containers(pod(kafka)).get(0)).get("KAFKA_PROCESS_ROLES"))
                .contains("controller"), "dev Kafka runs in KRaft mode (broker and controller)");
        for (String app : PORTS.keySet()) {
            Map<String, Object> workload = workload(m, app);
            assertEquals(1, integer(workload, "spec", "replicas"), "dev runs one " + app);
            Map<String, Object> env = environment(m, appContainer(m, app));
            assertServiceLeadsTo(m, String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS")), kafka, app + "'s Kafka");
            if (SERVICES.contains(app)) {
                Matcher jdbc = Pattern.compile("jdbc:postgresql://([^/]+)/.+").matcher(String.valueOf(
                        env.get("QUARKUS_DATASOURCE_JDBC_URL")));
                assertTrue(jdbc.matches(), app + " has a PostgreSQL JDBC URL");
                assertServiceLeadsTo(m, jdbc.group(1), postgres, app + "'s database");
            }
        }
    }

    // ---- prod ---------------------------------------------------------------------------------------------

    @Test
    void prodRunsEveryAppTwiceAtLeastAndLeavesTheCountToACpuAutoscaler() {
        Manifests m = Manifests.of(PROD);
        for (String app : PORTS.keySet()) {
            Map<String, Object> workload = workload(m, app);
            // a replicas field would be applied again on every `kubectl apply`, undoing what the autoscaler did
            assertNull(at(workload, "spec", "replicas"), "prod's " + app + " leaves its replicas to the autoscaler");
            List<Map<String, Object>> autoscalers = autoscalersOf(m, workload);
            assertEquals(1, autoscalers.size(), "prod autoscalers of " + app + ": " + names(autoscalers));
            Map<String, Object> hpa = autoscalers.get(0);
            assertEquals("autoscaling/v2", hpa.get("apiVersion"));
            assertTrue(integer(hpa, "spec", "minReplicas") >= 2, app + " never scales below 2");
            assertTrue(integer(hpa, "spec", "maxReplicas") > integer(hpa, "spec", "minReplicas"), app + " can grow");
            assertTrue(maps(hpa, "spec", "metrics").stream().anyMatch(metric -> "Resource".equals(metric.get("type"))
                    && "cpu".equals(text(metric, "resource", "name"))
                    && "Utilization".equals(text(metric, "resource", "target", "type"))),
                    app + " scales on CPU utilization");
        }
    }

    @Test
    void prodKafkaIsAStrimziKraftClusterOfThreeWithEveryTopicReplicatedThrice() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> kafka = only(m, "Kafka", "kafka.strimzi.io/v1");
        String cluster = text(kafka, "metadata", "name");
        String version = text(kafka, "spec", "kafka", "version");
        assertEquals(Boolean.TRUE, SchemaCatalog.strimziKafkaVersions(strimziRelease()).get(version),
                "Kafka " + version + " is one " + strimziRelease() + " supports (its kafka-versions.yaml)");
        assertTrue(at(kafka, "metadata", "annotations", "strimzi.io/kraft") == null
                && at(kafka, "metadata", "annotations", "strimzi.io/node-pools") == null,
                "no strimzi.io/kraft or node-pools annotations (ignored since Strimzi 0.48)");
        String devKafka = String.valueOf(containers(pod(statefulSetOf(Manifests.of(DEV), "apache/kafka:"))).get(0)
                .get("image"));
        assertEquals("apache/kafka:" + version, devKafka, "dev runs prod's Kafka");
        Matcher runtime = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(read("pom.xml"));
        assertTrue(runtime.find() && read("deploy/kafka-runtime/pom.xml").contains("<version>${kafka.version}</version>"),
                "deploy/kafka-runtime runs the broker at the root pom's kafka.version");
        assertEquals(version, runtime.group(1), "./kczg's broker (deploy/kafka-runtime) runs prod's Kafka");
        assertNull(at(kafka, "spec", "zookeeper"), "KRaft, no ZooKeeper");
        int brokers = 0;
        int controllers = 0;
        for (Map<String, Object> pool : m.ofKind("KafkaNodePool")) {
            if (cluster.equals(text(pool, "metadata", "labels", "strimzi.io/cluster"))) {
                brokers += list(pool, "spec", "roles").contains("broker") ? integer(pool, "spec", "replicas") : 0;
                controllers += list(pool, "spec", "roles").contains("controller") ? integer(pool, "spec", "replicas") : 0;
            }
        }
        assertTrue(brokers >= 3, "at least 3 brokers in the node pools, not " + brokers);
        assertTrue(controllers >= 3 && controllers % 2 == 1, "an odd quorum of 3+ controllers, not " + controllers);

        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (Map<String, Object> topic : m.ofKind("KafkaTopic")) {
            if (cluster.equals(text(topic, "metadata", "labels", "strimzi.io/cluster"))) {
                topics.put(Objects.requireNonNullElse(text(topic, "spec", "topicName"), text(topic, "metadata", "name")),
                        topic);
            }
        }
        assertEquals(new TreeSet<>(TOPICS), topics.keySet(), "KafkaTopics of " + cluster);
        assertTrue(topics.keySet().containsAll(topicsTheServicesUse()), "every topic a service uses is declared");
        topics.forEach((name, topic) -> {
            assertEquals(3, integer(topic, "spec", "replicas"), name + " replicas");
            assertTrue(integer(topic, "spec", "partitions") >= 3, name + " partitions");
            assertEquals(2, integer(topic, "spec", "config", "min.insync.replicas"), name + " min.insync.replicas");
        });
        for (String app : PORTS.keySet()) {
            Map<String, Object> env = environment(m, appContainer(m, app));
            assertEquals(cluster + "-kafka-bootstrap:" + tlsListenerPort(kafka), env.get("KAFKA_BOOTSTRAP_SERVERS"),
                    app + " uses " + cluster + "'s TLS listener");
            if (SERVICES.contains(app)) {
                assertEquals("3", env.get("KCZG_KAFKA_REPLICATION_FACTOR"), app + " would create topics with 3 replicas");
            }
        }
    }

    @Test
    void prodPostgresIsACloudNativePgClusterOfThreeWithADatabaseAndRolePerService() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> cluster = only(m, "Cluster", "postgresql.cnpg.io/v1");
        String name = text(cluster, "metadata", "name");
        assertEquals(3, integer(cluster, "spec", "instances"), name + " instances");
        assertTrue(isPinned(text(cluster, "spec", "imageName")), name + " pins its PostgreSQL image");
        Map<String, String> roleByPasswordSecret = new HashMap<>();
        for (Map<String, Object> role : maps(cluster, "spec", "managed", "roles")) {
            if (Boolean.TRUE.equals(role.get("login")) && !"absent".equals(role.get("ensure"))) {
                roleByPasswordSecret.put(text(role, "passwordSecret", "name"), text(role, "name"));
            }
        }
        Map<String, String> ownerByDatabase = new HashMap<>();
        for (Map<String, Object> database : m.ofKind("Database")) {
            if (name.equals(text(database, "spec", "cluster", "name"))
                    && !"absent".equals(text(database, "spec", "ensure"))) {
                ownerByDatabase.put(text(database, "spec", "name"), text(database, "spec", "owner"));
            }
        }
        Pattern primary = Pattern.compile("jdbc:postgresql://" + Pattern.quote(name) + "-rw(\\.[\\w.-]+)?:5432/([\\w-]+)");
        Set<String> databases = new TreeSet<>();
        Set<String> roles = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, Object> env = environment(m, appContainer(m, service));
            String url = String.valueOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            Matcher jdbc = primary.matcher(url);
            assertTrue(jdbc.matches(), service + " connects to the primary of " + name + ": " + url);
            String secret = secretKeyRef(env, "QUARKUS_DATASOURCE_USERNAME", "username");
            assertEquals(secret, secretKeyRef(env, "QUARKUS_DATASOURCE_PASSWORD", "password"), service + " credentials");
            String role = roleByPasswordSecret.get(secret);
            assertNotNull(role, service + "'s Secret " + secret + " is the password of a managed login role of " + name);
            assertEquals(role, ownerByDatabase.get(jdbc.group(2)),
                    service + "'s database " + jdbc.group(2) + " is declared in " + name + " and owned by its role");
            databases.add(jdbc.group(2));
            roles.add(role);
        }
        assertEquals(SERVICES.size(), databases.size(), "a database per service: " + databases);
        assertEquals(SERVICES.size(), roles.size(), "a role per service: " + roles);
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void ingressIsDeniedByDefaultServicesAdmitOnlyTheGatewayAndTheGatewayOnlyTheGatewayApiProxies(String overlay) {
        Manifests m = Manifests.of(overlay);
        assertTrue(m.ofKind("NetworkPolicy").stream().anyMatch(p -> map(p, "spec", "podSelector").isEmpty()
                && policyTypes(p).contains("Ingress") && maps(p, "spec", "ingress").isEmpty()),
                m + ": a default-deny ingress policy");
        Map<String, Object> gatewayPods = podLabels(workload(m, GATEWAY));
        for (String service : SERVICES) {
            List<Map<String, Object>> rules = rules(m, podLabels(workload(m, service)), "Ingress");
            assertFalse(rules.isEmpty(), m + ": an ingress rule admits the gateway to " + service);
            for (Map<String, Object> rule : rules) {
                assertEquals(Set.of(PORTS.get(service)), ports(rule), m + ": " + service + " admits only its port");
                List<Map<String, Object>> peers = maps(rule, "from");
                assertFalse(peers.isEmpty(), m + ": " + service + " admits no one from anywhere");
                for (Map<String, Object> peer : peers) {
                    assertEquals(Set.of("podSelector"), peer.keySet(), m + ": " + service + ": pods of this namespace only");
                    assertTrue(selects(map(peer, "podSelector"), gatewayPods), m + ": " + service + " admits the gateway");
                    PORTS.keySet().stream().filter(app -> !app.equals(GATEWAY)).forEach(app -> assertFalse(
                            selects(map(peer, "podSelector"), podLabels(workload(m, app))), m + ": " + service
                                    + " admits " + app));
                }
            }
        }
        // the gateway: only from the proxies of the Gateway this overlay declares (their namespace and their labels,
        // which name that Gateway), only on its port
        Set<String> gateways = new TreeSet<>(names(m.ofKind("Gateway")));
        assertFalse(gateways.isEmpty(), m + " declares the Gateway its route attaches to");
        List<Map<String, Object>> rules = rules(m, gatewayPods, "Ingress");
        assertFalse(rules.isEmpty(), m + ": an ingress rule admits the Gateway API proxies to the gateway");
        for (Map<String, Object> rule : rules) {
            assertEquals(Set.of(PORTS.get(GATEWAY)), ports(rule), m + ": the gateway admits only its port");
            assertFalse(maps(rule, "from").isEmpty(), m + ": the gateway admits the proxies, not everyone");
            for (Map<String, Object> peer : maps(rule, "from")) {
                assertFalse(map(peer, "namespaceSelector", "matchLabels").isEmpty(),
                        m + ": the gateway admits the proxies' namespace only");
                Map<String, Object> proxies = map(peer, "podSelector", "matchLabels");
                assertTrue(proxies.values().stream().anyMatch(v -> gateways.contains(String.valueOf(v))),
                        m + ": the gateway admits the proxies of its Gateway " + gateways + " only, not " + proxies);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void postgresAndKafkaAdmitOnlyTheApps(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, Object> gatewayPods = podLabels(workload(m, GATEWAY));
        List<Map<String, Object>> servicePods = SERVICES.stream().map(s -> podLabels(workload(m, s))).toList();
        if (overlay.equals(DEV)) {
            Map<String, Object> postgres = podLabels(statefulSetOf(m, "postgres:"));
            Map<String, Object> kafka = podLabels(statefulSetOf(m, "apache/kafka:"));
            assertAdmitsOnly(m, postgres, 5432, servicePods, List.of(), "PostgreSQL");
            List<Map<String, Object>> apps = new ArrayList<>(servicePods);
            apps.add(gatewayPods);
            assertAdmitsOnly(m, kafka, 9092, apps, List.of(kafka), "Kafka");
        } else {
            String cluster = text(only(m, "Cluster", "postgresql.cnpg.io/v1"), "metadata", "name");
            Map<String, Object> instance = Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance");
            for (Map<String, Object> rule : rules(m, instance, "Ingress")) {
                for (Map<String, Object> peer : maps(rule, "from")) {
                    if (peer.containsKey("namespaceSelector")) { // the operator, on its own namespace
                        assertEquals(Map.of("kubernetes.io/metadata.name", "cnpg-system"),
                                map(peer, "namespaceSelector", "matchLabels"), "PostgreSQL admits the operator");
                        assertFalse(peer.containsKey("podSelector") && map(peer, "podSelector").isEmpty());
                    } else if (selects(map(peer, "podSelector"), instance)) {
                        assertEquals(Map.of("cnpg.io/cluster", cluster), map(peer, "podSelector", "matchLabels"),
                                "PostgreSQL admits its own instances (replication)");
                    } else {
                        assertEquals(Set.of(5432), ports(rule), "the services reach PostgreSQL on 5432 only");
                        assertSelectsOnly(m, map(peer, "podSelector"), servicePods, "PostgreSQL");
                    }
                }
            }
            assertFalse(rules(m, instance, "Ingress").isEmpty(), "a policy admits the services to PostgreSQL");
            // Kafka: Strimzi writes the listener's NetworkPolicy from networkPolicyPeers
            Map<String, Object> kafka = only(m, "Kafka", "kafka.strimzi.io/v1");
            for (Map<String, Object> listener : maps(kafka, "spec", "kafka", "listeners")) {
                List<Map<String, Object>> peers = maps(listener, "networkPolicyPeers");
                assertFalse(peers.isEmpty(), "listener " + listener.get("name") + " names the apps as its only peers");
                List<Map<String, Object>> apps = new ArrayList<>(servicePods);
                apps.add(gatewayPods);
                for (Map<String, Object> peer : peers) {
                    assertEquals(Set.of("podSelector"), peer.keySet(), "Kafka's peers are pods of this namespace");
                    assertSelectsOnly(m, map(peer, "podSelector"), apps, "Kafka");
                    apps.forEach(app -> assertTrue(selects(map(peer, "podSelector"), app), "Kafka admits " + app));
                }
            }
        }
    }

    @Test
    void prodLetsServicesConnectOnlyToPostgresKafkaAndDnsAndTheGatewayOnlyToServicesKafkaAndDns() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> kafkaCluster = only(m, "Kafka", "kafka.strimzi.io/v1");
        String kafka = text(kafkaCluster, "metadata", "name");
        int kafkaPort = tlsListenerPort(kafkaCluster);
        String postgres = text(only(m, "Cluster", "postgresql.cnpg.io/v1"), "metadata", "name");
        // the labels the operators give a broker and a PostgreSQL instance pod
        Map<String, Object> broker = Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-kafka");
        Map<String, Object> instance = Map.of("cnpg.io/cluster", postgres, "cnpg.io/podRole", "instance");
        for (String service : SERVICES) {
            assertEgressOnlyTo(m, service, Map.of(5432, instance, kafkaPort, broker),
                    service.equals("activity-service") ? PUBLIC_EGRESS : Set.of());
        }
        Map<Integer, Map<String, Object>> gatewayTargets = new HashMap<>(Map.of(kafkaPort, broker));
        SERVICES.forEach(service -> gatewayTargets.put(PORTS.get(service), podLabels(workload(m, service))));
        assertEgressOnlyTo(m, GATEWAY, gatewayTargets);
    }

    @Test
    void devLetsServicesConnectOnlyToPostgresKafkaAndDnsAndTheGatewayOnlyToServicesKafkaAndDns() {
        Manifests m = Manifests.of(DEV);
        Map<String, Object> postgres = podLabels(statefulSetOf(m, "postgres:"));
        Map<String, Object> kafka = podLabels(statefulSetOf(m, "apache/kafka:"));
        for (String service : SERVICES) {
            assertEgressOnlyTo(m, service, Map.of(5432, postgres, 9092, kafka));
        }
        Map<Integer, Map<String, Object>> gatewayTargets = new HashMap<>(Map.of(9092, kafka));
        SERVICES.forEach(service -> gatewayTargets.put(PORTS.get(service), podLabels(workload(m, service))));
        assertEgressOnlyTo(m, GATEWAY, gatewayTargets);
    }

    // ---- prod: Kafka security -----------------------------------------------------------------------------

    @Test
    void prodKafkaListensOnlyWithTlsAndScramAndAuthorizesEveryRequest() {
        Map<String, Object> kafka = only(Manifests.of(PROD), "Kafka", "kafka.strimzi.io/v1");
        List<Map<String, Object>> listeners = maps(kafka, "spec", "kafka", "listeners");
        assertFalse(listeners.isEmpty(), "Kafka has a listener");
        for (Map<String, Object> listener : listeners) {
            assertEquals(true, listener.get("tls"), "listener " + listener.get("name") + " is TLS");
            assertEquals("scram-sha-512", text(listener, "authentication", "type"),
                    "listener " + listener.get("name") + " authenticates SCRAM-SHA-512 users");
        }
        assertEquals("simple", text(kafka, "spec", "kafka", "authorization", "type"), "ACLs decide (simple authorizer)");
        assertTrue(at(kafka, "spec", "entityOperator", "userOperator") instanceof Map,
                "the user operator turns the KafkaUsers into credentials and ACLs");
    }

    @Test
    void prodGivesEveryAppItsOwnKafkaUserAndItsClientsThatUsersLoginOverTls() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> kafka = only(m, "Kafka", "kafka.strimzi.io/v1");
        String cluster = text(kafka, "metadata", "name");
        Map<String, Map<String, Object>> users = kafkaUsers(m, cluster);
        assertEquals(new TreeSet<>(PORTS.keySet()), users.keySet(), "a KafkaUser per app, named after it");
        for (String app : PORTS.keySet()) {
            Map<String, Object> user = users.get(app);
            assertEquals("scram-sha-512", text(user, "spec", "authentication", "type"), app + "'s user logs in with SCRAM");
            assertEquals("simple", text(user, "spec", "authorization", "type"), app + "'s user has ACLs");
            Map<String, Object> container = appContainer(m, app);
            Map<String, Object> env = environment(m, container);
            assertEquals(cluster + "-kafka-bootstrap:" + tlsListenerPort(kafka), env.get("KAFKA_BOOTSTRAP_SERVERS"),
                    app + " connects to the TLS listener");
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), app + "'s Kafka security protocol");
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), app + "'s SASL mechanism");
            // Strimzi's user operator writes the login module line into the user's Secret (named as the user)
            assertEquals(app, secretKeyRef(env, "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config"),
                    app + " logs in as its own user, from that user's Secret");
            assertEquals("PEM", env.get("KAFKA_SSL_TRUSTSTORE_TYPE"), app + " trusts a PEM certificate");
            String truststore = String.valueOf(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
            int slash = truststore.lastIndexOf('/');
            Map<String, Object> volume = volumeMountedAt(pod(workload(m, app)), container, truststore.substring(0, slash));
            assertEquals(cluster + "-cluster-ca-cert", text(volume, "secret", "secretName"),
                    app + " trusts the cluster CA: " + truststore);
            assertTrue(maps(volume, "secret", "items").stream().anyMatch(i -> "ca.crt".equals(i.get("key"))
                    && truststore.substring(slash + 1).equals(i.get("path"))), app + ": " + truststore + " is ca.crt");
        }
    }

    /**
     * The ACLs grant each app exactly what its code does (see kafka-users.yaml): a service writes its outbox topic
     * and the dead-letter topics of the channels it consumes, reads those channels' topics with its consumer group;
     * the gateway reads the event and dead-letter topics without a group and writes both only to replay a dead
     * letter (the message back to its topic, a marker to the dead-letter topic), and writes and reads its security
     * log's anchors. Nobody creates, deletes or
     * reconfigures topics or touches the cluster; the topics TopicBootstrap looks for are visible to it.
     */
    @Test
    void prodAclsLetEachAppWriteOnlyItsOwnTopicsAndReadOnlyWhatItConsumes() {
        Manifests m = Manifests.of(PROD);
        String cluster = text(only(m, "Kafka", "kafka.strimzi.io/v1"), "metadata", "name");
        Map<String, Map<String, Object>> users = kafkaUsers(m, cluster);
        Set<String> declared = new TreeSet<>();
        m.ofKind("KafkaTopic").forEach(t -> declared.add(Objects.requireNonNullElse(text(t, "spec", "topicName"),
                text(t, "metadata", "name"))));
        for (String app : PORTS.keySet()) {
            KafkaAcls acls = KafkaAcls.of(users.get(app));
            Set<String> write = new TreeSet<>();
            Set<String> read = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            if (SERVICES.contains(app)) {
                write.add(Apps.outboxTopic(app));
                write.addAll(Apps.deadLetterTopics(app));
                read.addAll(Apps.consumedTopics(app));
                groups.addAll(Apps.consumerGroups(app));
                assertTrue(acls.allowed("topic", Apps.bootstrapTopics(app), "Describe"),
                        app + "'s TopicBootstrap sees every topic it looks for " + Apps.bootstrapTopics(app)
                                + " (and so never tries to create one)");
            } else {
                write.addAll(Apps.gatewayEventTopics());
                write.addAll(Apps.gatewayDeadLetterTopics());
                write.add(Apps.gatewayAnchorTopic());
                read.addAll(write);
            }
            assertEquals(List.of(), acls.problems(), app + "'s ACLs");
            assertEquals(write, acls.resources("topic", "Write"), app + " writes exactly these topics");
            assertEquals(read, acls.resources("topic", "Read"), app + " reads exactly these topics");
            assertEquals(groups, acls.resources("group", "Read"), app + "'s consumer groups");
            assertTrue(declared.containsAll(acls.resources("topic", "Describe")),
                    app + "'s ACLs name only declared topics: " + acls.resources("topic", "Describe"));
            Set<String> transactional = acls.resources("transactionalId", "Write");
            if (SERVICES.contains(app) && Apps.outboxIsTransactional()) {
                assertTrue(acls.allowsPrefix("transactionalId", app, "Write"),
                        app + "'s transactional outbox producer may use transactional ids " + app + "*");
            } else {
                assertEquals(Set.of(), transactional, app + " runs no Kafka transactions: no TransactionalId ACL");
            }
        }
    }

    // ---- public routes, spreading, images, PostgreSQL backups ---------------------------------------------

    /** Only /api/… and the merged API document are routed from outside; /q/metrics, /q/health … stay inside. */
    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void onlyTheApiAndItsDocumentAreRoutedPublicly(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> routed = new ArrayList<>();
        for (Map<String, Object> route : m.ofKind("HTTPRoute")) {
            for (Map<String, Object> rule : maps(route, "spec", "rules")) {
                List<Map<String, Object>> matches = maps(rule, "matches");
                // Gateway API defaults: a rule without matches, or a match without a path, is PathPrefix "/"
                (matches.isEmpty() ? List.of(Map.<String, Object>of()) : matches).forEach(match -> routed.add(
                        Objects.requireNonNullElse(text(match, "path", "type"), "PathPrefix") + " "
                                + Objects.requireNonNullElse(text(match, "path", "value"), "/")));
            }
        }
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            assertNull(at(ingress, "spec", "defaultBackend"), m + ": an Ingress default backend routes every path");
            for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
                maps(rule, "http", "paths").forEach(path -> routed.add(("Prefix".equals(path.get("pathType"))
                        ? "PathPrefix" : text(path, "pathType")) + " " + text(path, "path")));
            }
        }
        assertFalse(routed.isEmpty(), m + " routes the API");
        for (String path : routed) {
            String value = path.substring(path.indexOf(' ') + 1);
            assertTrue(path.startsWith("PathPrefix ") && (value.equals("/api") || value.startsWith("/api/"))
                    || path.equals("Exact /q/openapi") || path.equals("PathPrefix /console"), m + " routes " + path
                    + " publicly (only /api/…, /console and Exact /q/openapi may be: /q/metrics and the other /q/ "
                    + "endpoints stay inside)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void eachAppsReplicasAreSpreadOverNodes(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> pod = pod(workload(m, app));
            assertSpreadOverNodes(maps(pod, "topologySpreadConstraints"), podLabels(workload(m, app)), m + " " + app);
        }
    }

    @Test
    void prodSpreadsKafkaNodesAndPostgresInstancesOverNodes() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> kafka = only(m, "Kafka", "kafka.strimzi.io/v1");
        String cluster = text(kafka, "metadata", "name");
        for (Map<String, Object> pool : m.ofKind("KafkaNodePool")) {
            // the labels Strimzi gives a node pool's pods; a pool's own template replaces the Kafka's
            Map<String, Object> labels = Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", text(pool, "metadata", "name"));
            List<Map<String, Object>> constraints = maps(pool, "spec", "template", "pod", "topologySpreadConstraints");
            assertSpreadOverNodes(constraints.isEmpty() ? maps(kafka, "spec", "kafka", "template", "pod",
                    "topologySpreadConstraints") : constraints, labels, "Kafka node pool " + labels.get("strimzi.io/pool-name"));
        }
        Map<String, Object> postgres = only(m, "Cluster", "postgresql.cnpg.io/v1");
        assertTrue(!Boolean.FALSE.equals(at(postgres, "spec", "affinity", "enablePodAntiAffinity"))
                && "required".equals(text(postgres, "spec", "affinity", "podAntiAffinityType"))
                && "kubernetes.io/hostname".equals(Objects.requireNonNullElse(
                        text(postgres, "spec", "affinity", "topologyKey"), "kubernetes.io/hostname")),
                "the PostgreSQL instances must run on different nodes (required anti-affinity)");
    }

    @Test
    void prodPullsTheAppsFromTheRegistry() {
        Manifests m = Manifests.of(PROD);
        for (String app : PORTS.keySet()) {
            String image = text(appContainer(m, app), "image");
            String first = image.substring(0, image.indexOf('/'));
            assertTrue(first.contains(".") || first.contains(":") || first.equals("localhost"),
                    app + "'s image names its registry (not docker.io by default): " + image);
        }
    }

    @Test
    void prodPostgresRunsACurrentImagePinnedByDigestAndIsBackedUpContinuously() {
        Manifests m = Manifests.of(PROD);
        Map<String, Object> cluster = only(m, "Cluster", "postgresql.cnpg.io/v1");
        String name = text(cluster, "metadata", "name");
        Matcher image = Pattern.compile("ghcr\\.io/cloudnative-pg/postgresql:([0-9]+\\.[0-9]+)-[0-9]+-(standard|minimal)"
                + "-(trixie|bookworm)@sha256:[0-9a-f]{64}").matcher(String.valueOf(text(cluster, "spec", "imageName")));
        assertTrue(image.matches(), name + " runs a standard or minimal image of a supported Debian, pinned by digest: "
                + text(cluster, "spec", "imageName"));
        String devPostgres = containers(pod(statefulSetOf(Manifests.of(DEV), "postgres:"))).get(0).get("image").toString();
        assertTrue(devPostgres.startsWith("postgres:" + image.group(1)), "dev runs prod's PostgreSQL " + image.group(1)
                + ": " + devPostgres);

        Map<String, Object> archiver = walArchiver(cluster);
        String store = text(archiver, "parameters", "barmanObjectName");
        Map<String, Object> objectStore = m.find("ObjectStore", store).orElseGet(() -> fail("no ObjectStore " + store));
        assertTrue(String.valueOf(text(objectStore, "spec", "configuration", "destinationPath")).startsWith("s3://"),
                store + " has an S3 destination");
        assertEquals("30d", text(objectStore, "spec", "retentionPolicy"), store + " keeps 30 days of backups and WAL");
        assertNotNull(text(objectStore, "spec", "configuration", "wal", "compression"), store + " compresses the WAL");
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            Map<String, Object> ref = map(objectStore, "spec", "configuration", "s3Credentials", key);
            assertTrue(text(ref, "name") != null && text(ref, "key") != null, store + ": " + key + " from a Secret");
            assertTrue(m.find("Secret", text(ref, "name")).isEmpty(), store + "'s credentials are created outside git");
        }
        List<Map<String, Object>> scheduled = m.ofKind("ScheduledBackup").stream()
                .filter(b -> name.equals(text(b, "spec", "cluster", "name"))).toList();
        assertFalse(scheduled.isEmpty(), name + " has a ScheduledBackup");
        for (Map<String, Object> backup : scheduled) {
            assertEquals("plugin", text(backup, "spec", "method"), "the base backups go where the WAL goes");
            assertEquals(archiver.get("name"), text(backup, "spec", "pluginConfiguration", "name"), "backup plugin");
            assertTrue(DAILY.matcher(String.valueOf(text(backup, "spec", "schedule"))).matches(),
                    "a base backup every day: " + text(backup, "spec", "schedule"));
        }
    }

    /**
     * prod-pitr is prod with kczg-postgres bootstrapped from the archive prod writes, up to a target time with its
     * offset, and archiving under a serverName of its own — nothing else differs.
     */
    @Test
    void prodPitrRecoversThePostgresClusterFromProdsArchiveToAPointInTime() {
        Manifests prod = Manifests.of(PROD);
        Manifests pitr = Manifests.of(PROD_PITR);
        Map<String, Object> original = only(prod, "Cluster", "postgresql.cnpg.io/v1");
        Map<String, Object> recovered = only(pitr, "Cluster", "postgresql.cnpg.io/v1");
        String name = text(original, "metadata", "name");
        assertEquals(name, text(recovered, "metadata", "name"), "the services keep connecting to " + name + "-rw");
        Map<String, Object> archived = walArchiver(original);
        String archivedAs = Objects.requireNonNullElse(text(archived, "parameters", "serverName"), name);

        Map<String, Object> recovery = map(recovered, "spec", "bootstrap", "recovery");
        String target = String.valueOf(text(recovery, "recoveryTarget", "targetTime"));
        assertTrue(TARGET_TIME.matcher(target).matches(), "a target time with its UTC offset: " + target);
        String source = text(recovery, "source");
        Map<String, Object> external = maps(recovered, "spec", "externalClusters").stream()
                .filter(c -> source.equals(c.get("name"))).findFirst()
                .orElseGet(() -> fail("no externalClusters entry " + source));
        assertEquals(BARMAN_CLOUD, text(external, "plugin", "name"), source + " is read through the plugin");
        assertEquals(text(archived, "parameters", "barmanObjectName"), text(external, "plugin", "parameters", "barmanObjectName"),
                source + " is prod's object store");
        assertEquals(archivedAs, text(external, "plugin", "parameters", "serverName"), source + " is prod's archive");
        Map<String, Object> archives = walArchiver(recovered);
        assertEquals(text(archived, "parameters", "barmanObjectName"), text(archives, "parameters", "barmanObjectName"));
        assertFalse(archivedAs.equals(text(archives, "parameters", "serverName")),
                "the recovered cluster archives under a serverName of its own, never over the history it came from");

        Map<String, Object> rest = new HashMap<>(map(recovered, "spec"));
        Map<String, Object> prodRest = new HashMap<>(map(original, "spec"));
        for (String key : List.of("bootstrap", "externalClusters", "plugins")) {
            rest.remove(key);
            prodRest.remove(key);
        }
        assertEquals(prodRest, rest, "the recovered cluster is prod's in all else");
        assertEquals(prod.all().stream().filter(d -> d != original).toList(),
                pitr.all().stream().filter(d -> d != recovered).toList(), "prod-pitr changes only the Cluster");
    }

    private static Map<String, Object> walArchiver(Map<String, Object> cluster) {
        Map<String, Object> archiver = maps(cluster, "spec", "plugins").stream()
                .filter(p -> Boolean.TRUE.equals(p.get("isWALArchiver"))).findFirst()
                .orElseGet(() -> fail(text(cluster, "metadata", "name") + " archives its WAL through a plugin"));
        assertEquals(BARMAN_CLOUD, archiver.get("name"), text(cluster, "metadata", "name") + "'s WAL archiver");
        return archiver;
    }

    // ---- workloads, pods, containers ----------------------------------------------------------------------

    /** The one Deployment or StatefulSet whose pods are the app. */
    private static Map<String, Object> workload(Manifests m, String app) {
        List<Map<String, Object>> found = Stream.of("Deployment", "StatefulSet").flatMap(kind -> m.ofKind(kind).stream())
                .filter(w -> app.equals(podLabels(w).get("app.kubernetes.io/name"))).toList();
        assertEquals(1, found.size(), m + ": workloads running " + app + ": " + names(found));
        return found.get(0);
    }

    private static Map<String, Object> pod(Map<String, Object> workload) {
        return map(workload, "spec", "template", "spec");
    }

    private static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(workload, "spec", "template", "metadata", "labels");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return Stream.concat(maps(pod, "initContainers").stream(), maps(pod, "containers").stream()).toList();
    }

    /** The app's own container, the one running [registry/]kczg/&lt;app&gt;. */
    private static Map<String, Object> appContainer(Manifests m, String app) {
        Pattern image = Pattern.compile("([^/]+/)*kczg/" + Pattern.quote(app) + "[:@].+");
        List<Map<String, Object>> found = containers(pod(workload(m, app))).stream()
                .filter(c -> image.matcher(String.valueOf(c.get("image"))).matches()).toList();
        assertEquals(1, found.size(), m + ": containers running kczg/" + app);
        return found.get(0);
    }

    private static int replicas(Map<String, Object> workload) {
        return Objects.requireNonNullElse(integer(workload, "spec", "replicas"), 1);
    }

    private static List<Map<String, Object>> autoscalersOf(Manifests m, Map<String, Object> workload) {
        return m.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> Objects.equals(workload.get("kind"), text(h, "spec", "scaleTargetRef", "kind"))
                        && Objects.equals(text(workload, "metadata", "name"), text(h, "spec", "scaleTargetRef", "name")))
                .toList();
    }

    /** The fewest pods the workload runs with: its autoscaler's minimum, or its replicas. */
    private static int fewestReplicas(Manifests m, Map<String, Object> workload) {
        return autoscalersOf(m, workload).stream().map(h -> Objects.requireNonNullElse(integer(h, "spec", "minReplicas"), 1))
                .min(Integer::compare).orElse(replicas(workload));
    }

    private static int allowedDisruptions(Map<String, Object> budget, int replicas) {
        Object maxUnavailable = at(budget, "spec", "maxUnavailable");
        Object minAvailable = at(budget, "spec", "minAvailable");
        if (maxUnavailable != null) {
            return podCount(maxUnavailable, replicas);
        }
        return minAvailable == null ? replicas : replicas - podCount(minAvailable, replicas);
    }

    /** An int-or-percentage of a PodDisruptionBudget, in pods (percentages round up, as Kubernetes does). */
    private static int podCount(Object value, int replicas) {
        String text = String.valueOf(value);
        return text.endsWith("%") ? (int) Math.ceil(replicas * Integer.parseInt(text.replace("%", "")) / 100.0)
                : Integer.parseInt(text);
    }

    private static Object effectiveSecurity(Map<String, Object> pod, Map<String, Object> container, String field) {
        Object own = at(container, "securityContext", field);
        return own != null ? own : at(pod, "securityContext", field);
    }

    /** The pod volume mounted at the path in the container (empty when none is). */
    private static Map<String, Object> volumeMountedAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        return maps(container, "volumeMounts").stream().filter(v -> path.equals(v.get("mountPath")))
                .flatMap(mount -> maps(pod, "volumes").stream()
                        .filter(volume -> Objects.equals(volume.get("name"), mount.get("name"))))
                .findFirst().orElse(Map.of());
    }

    /** The container port a probe or Service port refers to, by number or by name. */
    private static Integer containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return maps(container, "ports").stream().filter(p -> Objects.equals(port, p.get("name")))
                .map(p -> integer(p, "containerPort")).findFirst().orElse(null);
    }

    /**
     * The container's environment: envFrom ConfigMaps' data (and rendered Secrets' keys) overridden by env.
     * A value is the literal, or for env with valueFrom the valueFrom map.
     */
    private static Map<String, Object> environment(Manifests m, Map<String, Object> container) {
        Map<String, Object> env = new TreeMap<>();
        for (Map<String, Object> source : maps(container, "envFrom")) {
            String prefix = Objects.toString(source.get("prefix"), "");
            String kind = source.containsKey("configMapRef") ? "ConfigMap" : "Secret";
            String name = text(source, kind.equals("ConfigMap") ? "configMapRef" : "secretRef", "name");
            Map<String, Object> found = m.find(kind, name).orElseGet(() -> fail(m + ": envFrom " + kind + " " + name
                    + " is not rendered, so its variables cannot be checked (use env with secretKeyRef)"));
            map(found, "data").forEach((key, value) -> env.put(prefix + key, value));
            map(found, "stringData").forEach((key, value) -> env.put(prefix + key, value));
        }
        for (Map<String, Object> variable : maps(container, "env")) {
            env.put(text(variable, "name"), variable.containsKey("valueFrom") ? map(variable, "valueFrom")
                    : Objects.toString(variable.get("value"), ""));
        }
        return env;
    }

    /** The Secret a variable comes from, checking it is the expected key of it. */
    private static String secretKeyRef(Map<String, Object> env, String variable, String key) {
        Map<String, Object> ref = map(env.get(variable), "secretKeyRef");
        assertEquals(key, ref.get("key"), variable + " is the " + key + " of a Secret");
        return text(ref, "name");
    }

    /** The StatefulSet running an image that starts so (repository:). */
    private static Map<String, Object> statefulSetOf(Manifests m, String image) {
        return m.ofKind("StatefulSet").stream()
                .filter(s -> containers(pod(s)).stream().anyMatch(c -> String.valueOf(c.get("image")).startsWith(image)))
                .findFirst().orElseGet(() -> fail(m + " runs " + image + "… in a StatefulSet"));
    }

    /** host:port names a Service that selects the workload's pods and serves the port. */
    private static void assertServiceLeadsTo(Manifests m, String hostAndPort, Map<String, Object> workload, String what) {
        String[] parts = hostAndPort.split(":");
        Map<String, Object> service = m.find("Service", parts[0].split("\\.")[0])
                .orElseGet(() -> fail(what + ": no Service " + parts[0]));
        assertTrue(hasLabels(podLabels(workload), map(service, "spec", "selector")), what + ": " + parts[0] + " selects it");
        assertTrue(maps(service, "spec", "ports").stream().anyMatch(p -> parts[1].equals(text(p, "port"))),
                what + ": " + parts[0] + " serves port " + parts[1]);
    }

    /** Which app's pods the named Service selects. */
    private static String appBehind(Manifests m, String serviceName) {
        Map<String, Object> selector = m.find("Service", serviceName).map(s -> map(s, "spec", "selector")).orElse(Map.of());
        return PORTS.keySet().stream().filter(app -> !selector.isEmpty() && hasLabels(podLabels(workload(m, app)), selector))
                .findFirst().orElse("Service " + serviceName);
    }

    // ---- images, topics -----------------------------------------------------------------------------------

    /** A version tag of at least major.minor (never latest, never none) or a digest. */
    private static boolean isPinned(String image) {
        if (image == null || image.contains("@sha256:")) {
            return image != null;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0 && PINNED_TAG.matcher(last.substring(colon + 1)).matches();
    }

    /** Every topic the services write, read or dead-letter to, from their configuration. */
    private static Set<String> topicsTheServicesUse() {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            Properties config = Apps.configuration(service);
            for (String key : config.stringPropertyNames()) {
                if (key.equals("kczg.kafka.topics") || key.endsWith(".topic")) {
                    Stream.of(config.getProperty(key).split(",")).map(String::trim).forEach(topics::add);
                }
            }
        }
        return topics;
    }

    // ---- selectors and network policies -------------------------------------------------------------------

    private static boolean hasLabels(Map<String, Object> labels, Map<String, Object> required) {
        return required.entrySet().stream().allMatch(e -> Objects.equals(String.valueOf(e.getValue()),
                String.valueOf(labels.get(e.getKey()))) && labels.containsKey(e.getKey()));
    }

    /** Whether a LabelSelector ({} selects everything) selects pods with these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        assertNull(selector.get("matchExpressions"), "these checks understand matchLabels only: " + selector);
        return hasLabels(labels, map(selector, "matchLabels"));
    }

    private static List<Object> policyTypes(Map<String, Object> policy) {
        List<Object> declared = list(policy, "spec", "policyTypes");
        if (!declared.isEmpty()) {
            return declared;
        }
        return at(policy, "spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    /** The rules of the given type of every NetworkPolicy that applies to pods with these labels. */
    private static List<Map<String, Object>> rules(Manifests m, Map<String, Object> podLabels, String type) {
        return m.ofKind("NetworkPolicy").stream()
                .filter(p -> policyTypes(p).contains(type) && selects(map(p, "spec", "podSelector"), podLabels))
                .flatMap(p -> maps(p, "spec", type.toLowerCase()).stream()).toList();
    }

    /** The numeric ports a rule allows (empty: every port). */
    private static Set<Integer> ports(Map<String, Object> rule) {
        Set<Integer> ports = new TreeSet<>();
        maps(rule, "ports").forEach(p -> ports.add(integer(p, "port")));
        return ports;
    }

    /**
     * The app's egress is restricted, and each rule allows DNS, or a port of {@code targets} towards pods of this
     * namespace labelled as that target; each target and DNS is allowed by some rule.
     */
    private static void assertEgressOnlyTo(Manifests m, String app, Map<Integer, Map<String, Object>> targets) {
        assertEgressOnlyTo(m, app, targets, Set.of());
    }

    /**
     * Also: these ports towards public addresses only (an ipBlock that cuts out the private, shared, link-local and
     * loopback ranges) — activity-service's webhook calls and mail.
     */
    private static void assertEgressOnlyTo(Manifests m, String app, Map<Integer, Map<String, Object>> targets,
            Set<Integer> publicPorts) {
        List<Map<String, Object>> rules = rules(m, podLabels(workload(m, app)), "Egress");
        assertFalse(rules.isEmpty(), app + "'s egress is restricted");
        Set<Integer> allowed = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            Set<Integer> ports = ports(rule);
            assertFalse(ports.isEmpty(), app + " may connect to any port: " + rule);
            allowed.addAll(ports);
            if (ports.equals(Set.of(DNS))) {
                continue;
            }
            List<Map<String, Object>> peers = maps(rule, "to");
            assertFalse(peers.isEmpty(), app + " may connect anywhere on " + ports);
            if (!publicPorts.isEmpty() && publicPorts.containsAll(ports)) {
                for (Map<String, Object> peer : peers) {
                    assertEquals(Set.of("ipBlock"), peer.keySet(), app + " on " + ports + ": public addresses");
                    List<?> except = list(map(peer, "ipBlock"), "except");
                    assertTrue(except.containsAll(PRIVATE_RANGES), app + " on " + ports + " reaches no private range: "
                            + except);
                }
                continue;
            }
            for (int port : ports) {
                assertTrue(targets.containsKey(port), app + " may connect to port " + port);
                for (Map<String, Object> peer : peers) {
                    assertEquals(Set.of("podSelector"), peer.keySet(), app + " on " + port + ": pods of this namespace");
                    assertFalse(map(peer, "podSelector", "matchLabels").isEmpty(), app + " on " + port + ": any pod");
                    assertTrue(selects(map(peer, "podSelector"), targets.get(port)), app + " on " + port + ": " + peer);
                }
            }
        }
        Set<Integer> needed = new TreeSet<>(targets.keySet());
        needed.add(DNS);
        needed.addAll(publicPorts);
        assertEquals(needed, allowed, app + " reaches what it needs");
    }

    /** Only these pods (or the target itself, for {@code self}) reach the target's pods, on that port. */
    private static void assertAdmitsOnly(Manifests m, Map<String, Object> target, int port,
            List<Map<String, Object>> allowed, List<Map<String, Object>> self, String what) {
        List<Map<String, Object>> rules = rules(m, target, "Ingress");
        assertFalse(rules.isEmpty(), m + ": a policy admits the apps to " + what);
        List<Map<String, Object>> admissible = new ArrayList<>(allowed);
        admissible.addAll(self);
        for (Map<String, Object> rule : rules) {
            assertEquals(Set.of(port), ports(rule), m + ": " + what + " admits only " + port);
            assertFalse(maps(rule, "from").isEmpty(), m + ": " + what + " admits everyone");
            for (Map<String, Object> peer : maps(rule, "from")) {
                assertEquals(Set.of("podSelector"), peer.keySet(), m + ": " + what + ": pods of this namespace only");
                assertSelectsOnly(m, map(peer, "podSelector"), admissible, what);
            }
        }
        allowed.forEach(app -> assertTrue(rules.stream().flatMap(r -> maps(r, "from").stream())
                .anyMatch(peer -> selects(map(peer, "podSelector"), app)), m + ": " + what + " admits " + app));
    }

    /** The selector is not empty and selects none of the overlay's workloads but the allowed ones. */
    private static void assertSelectsOnly(Manifests m, Map<String, Object> selector, List<Map<String, Object>> allowed,
            String what) {
        assertFalse(map(selector, "matchLabels").isEmpty(), m + ": " + what + " admits every pod");
        Stream.of("Deployment", "StatefulSet").flatMap(k -> m.ofKind(k).stream()).map(KubernetesManifestsTest::podLabels)
                .filter(labels -> selects(selector, labels)).forEach(labels -> assertTrue(allowed.contains(labels),
                        m + ": " + what + " admits pods " + labels));
    }

    private static void assertSpreadOverNodes(List<Map<String, Object>> constraints, Map<String, Object> podLabels,
            String what) {
        assertTrue(constraints.stream().anyMatch(c -> "kubernetes.io/hostname".equals(c.get("topologyKey"))
                && "DoNotSchedule".equals(c.get("whenUnsatisfiable")) && Objects.equals(1, integer(c, "maxSkew"))
                && selects(map(c, "labelSelector"), podLabels)), what + " is spread over nodes (a hostname topology"
                        + " spread constraint, maxSkew 1, DoNotSchedule, selecting its pods): " + constraints);
    }

    /** The port of the Kafka's TLS listener (the only one, see prodKafkaListensOnlyWithTls…). */
    private static int tlsListenerPort(Map<String, Object> kafka) {
        return maps(kafka, "spec", "kafka", "listeners").stream().filter(l -> Boolean.TRUE.equals(l.get("tls")))
                .map(l -> integer(l, "port")).findFirst().orElseGet(() -> fail("Kafka has a TLS listener"));
    }

    /** The KafkaUsers of the cluster by name. */
    private static Map<String, Map<String, Object>> kafkaUsers(Manifests m, String cluster) {
        Map<String, Map<String, Object>> users = new TreeMap<>();
        m.ofKind("KafkaUser").stream().filter(u -> cluster.equals(text(u, "metadata", "labels", "strimzi.io/cluster")))
                .forEach(u -> users.put(text(u, "metadata", "name"), u));
        return users;
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(Apps.ROOT.resolve(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The vendored Strimzi release (the one the README names). */
    private static String strimziRelease() {
        return SchemaCatalog.crdReleases().stream().filter(r -> r.startsWith("strimzi-")).findFirst().orElseThrow();
    }

    // ---- small things -------------------------------------------------------------------------------------

    private static Map<String, Object> only(Manifests m, String kind, String apiVersion) {
        List<Map<String, Object>> found = m.ofKind(kind).stream()
                .filter(d -> apiVersion.equals(d.get("apiVersion"))).toList();
        assertEquals(1, found.size(), m + ": " + apiVersion + " " + kind);
        return found.get(0);
    }

    private static List<String> names(List<Map<String, Object>> documents) {
        return documents.stream().map(d -> text(d, "metadata", "name")).toList();
    }
}
