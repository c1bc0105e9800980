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
 * service-account token), reachable through exactly one Service, disruptable one pod at a time and handed
 * only environment variables it reads; only the gateway has an Ingress; images are pinned; Secrets stay out
 * of git except the dev overlay's. prod additionally: autoscaled replicas, a Strimzi Kafka with its topics, a
 * CloudNativePG cluster with a database and role per service, and NetworkPolicies that deny by default.
 */
class KubernetesManifestsTest {
    private static final String BASE = "base";
    private static final String DEV = "overlays/dev";
    private static final String PROD = "overlays/prod";
    private static final Set<String> TOPICS = Set.of("registration.events", "registration.events.dlq",
            "review.events", "review.events.dlq", "activity.events", "activity.events.dlq", "evaluation.events",
            "evaluation.events.dlq");
    private static final Map<String, String> HEALTH = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
    private static final Pattern PINNED_TAG = Pattern.compile("[0-9]+\\.[0-9]+[\\w.-]*");
    private static final int DNS = 53;

    // ---- every overlay ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void probesCheckTheHealthEndpointsOnTheAppsOwnPort(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Map<String, Object> container = appContainer(m, app);
            int port = PORTS.get(app);
            assertTrue(maps(container, "ports").stream().anyMatch(p -> Objects.equals(port, integer(p, "containerPort"))),
                    m + " " + app + " declares its port " + port);
            HEALTH.forEach((probe, path) -> {
                Map<String, Object> get = map(container, probe, "httpGet");
                assertEquals(path, text(get, "path"), m + " " + app + ": " + probe + " path");
                assertEquals(port, containerPort(container, get.get("port")), m + " " + app + ": " + probe + " port");
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

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyEnvironmentVariableIsAKeyTheAppReads(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String app : PORTS.keySet()) {
            Set<String> known = Apps.knownEnvironment(app);
            for (Map<String, Object> container : containers(pod(workload(m, app)))) {
                environment(m, container).forEach((variable, value) -> {
                    assertTrue(known.contains(variable), m + " " + app + " does not read " + variable
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
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            List<String> backends = new ArrayList<>();
            backends.add(text(ingress, "spec", "defaultBackend", "service", "name"));
            for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
                maps(rule, "http", "paths").forEach(path -> backends.add(text(path, "backend", "service", "name")));
            }
            backends.stream().filter(Objects::nonNull).forEach(name -> exposed.add(appBehind(m, name)));
        }
        assertEquals(Set.of(GATEWAY), exposed, m + ": apps behind an Ingress");
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
        Map<String, Object> kafka = statefulSetOf(m, "apache/kafka:4.1.0");
        Map<String, Object> postgres = statefulSetOf(m, "postgres:15.10");
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
    void prodRunsEveryAppTwiceAtLeastAndScalesItOnCpu() {
        Manifests m = Manifests.of(PROD);
        for (String app : PORTS.keySet()) {
            Map<String, Object> workload = workload(m, app);
            assertTrue(replicas(workload) >= 2, "prod runs " + app + " at least twice");
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
        Map<String, Object> kafka = only(m, "Kafka", "kafka.strimzi.io/v1beta2");
        String cluster = text(kafka, "metadata", "name");
        assertEquals("4.1.0", text(kafka, "spec", "kafka", "version"), "a pinned Kafka version");
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
            assertEquals(cluster + "-kafka-bootstrap:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), app + " uses " + cluster);
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

    @Test
    void prodDeniesIngressByDefaultAndAdmitsServicesOnlyFromTheGatewayAndTheGatewayFromTheController() {
        Manifests m = Manifests.of(PROD);
        assertTrue(m.ofKind("NetworkPolicy").stream().anyMatch(p -> map(p, "spec", "podSelector").isEmpty()
                && policyTypes(p).contains("Ingress") && maps(p, "spec", "ingress").isEmpty()),
                "a default-deny ingress policy");
        Map<String, Object> gatewayPods = podLabels(workload(m, GATEWAY));
        for (String service : SERVICES) {
            List<Map<String, Object>> rules = rules(m, podLabels(workload(m, service)), "Ingress");
            assertFalse(rules.isEmpty(), "an ingress rule admits the gateway to " + service);
            for (Map<String, Object> rule : rules) {
                assertEquals(Set.of(PORTS.get(service)), ports(rule), service + " admits only its port");
                List<Map<String, Object>> peers = maps(rule, "from");
                assertFalse(peers.isEmpty(), service + " admits no one from anywhere");
                for (Map<String, Object> peer : peers) {
                    assertEquals(Set.of("podSelector"), peer.keySet(), service + ": pods of this namespace only");
                    assertTrue(selects(map(peer, "podSelector"), gatewayPods), service + " admits the gateway");
                    PORTS.keySet().stream().filter(app -> !app.equals(GATEWAY)).forEach(app -> assertFalse(
                            selects(map(peer, "podSelector"), podLabels(workload(m, app))), service + " admits " + app));
                }
            }
        }
        List<Map<String, Object>> rules = rules(m, gatewayPods, "Ingress");
        assertFalse(rules.isEmpty(), "an ingress rule admits the ingress controller to the gateway");
        for (Map<String, Object> rule : rules) {
            assertEquals(Set.of(PORTS.get(GATEWAY)), ports(rule), "the gateway admits only its port");
            assertFalse(maps(rule, "from").isEmpty(), "the gateway admits the controller, not everyone");
            for (Map<String, Object> peer : maps(rule, "from")) {
                assertFalse(map(peer, "namespaceSelector", "matchLabels").isEmpty(),
                        "the gateway admits the ingress controller's namespace only");
            }
        }
    }

    @Test
    void prodLetsServicesConnectOnlyToPostgresKafkaAndDnsAndTheGatewayOnlyToServicesKafkaAndDns() {
        Manifests m = Manifests.of(PROD);
        String kafka = text(only(m, "Kafka", "kafka.strimzi.io/v1beta2"), "metadata", "name");
        String postgres = text(only(m, "Cluster", "postgresql.cnpg.io/v1"), "metadata", "name");
        // the labels the operators give a broker and a PostgreSQL instance pod
        Map<String, Object> broker = Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-kafka");
        Map<String, Object> instance = Map.of("cnpg.io/cluster", postgres, "cnpg.io/podRole", "instance");
        for (String service : SERVICES) {
            assertEgressOnlyTo(m, service, Map.of(5432, instance, 9092, broker));
        }
        Map<Integer, Map<String, Object>> gatewayTargets = new HashMap<>(Map.of(9092, broker));
        SERVICES.forEach(service -> gatewayTargets.put(PORTS.get(service), podLabels(workload(m, service))));
        assertEgressOnlyTo(m, GATEWAY, gatewayTargets);
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

    /** The app's own container, the one running kczg/&lt;app&gt;. */
    private static Map<String, Object> appContainer(Manifests m, String app) {
        List<Map<String, Object>> found = containers(pod(workload(m, app))).stream()
                .filter(c -> String.valueOf(c.get("image")).startsWith("kczg/" + app + ":")).toList();
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

    private static Map<String, Object> statefulSetOf(Manifests m, String image) {
        return m.ofKind("StatefulSet").stream()
                .filter(s -> containers(pod(s)).stream().anyMatch(c -> image.equals(c.get("image")))).findFirst()
                .orElseGet(() -> fail(m + " runs " + image + " in a StatefulSet"));
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
        assertEquals(needed, allowed, app + " reaches what it needs");
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
