package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Tree.list;
import static cn.org.kczg.teams.deploy.Tree.map;
import static cn.org.kczg.teams.deploy.Tree.maps;
import static cn.org.kczg.teams.deploy.Tree.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the overlays render (prod's point-in-time recovery too) is checked as the API server of the oldest
 * and of the newest supported Kubernetes minor would check it with the operators' CRDs installed (strict field
 * validation, types, enums, required fields, CRD defaults and CEL rules; see {@link SchemaValidator}) — against the
 * schemas vendored under src/test/resources/schemas (vendor-schemas.py), so a kind the installed operator no longer
 * serves, a field it does not know or a value it refuses fails the build, not the roll-out.
 */
class SchemaValidationTest {
    private static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod", "overlays/prod-pitr");

    static Stream<Arguments> overlaysOnEveryMinor() {
        return OVERLAYS.stream().flatMap(o -> SchemaCatalog.kubernetesMinors().stream().map(m -> Arguments.of(o, m)));
    }

    @ParameterizedTest(name = "{0} on Kubernetes {1}")
    @MethodSource("overlaysOnEveryMinor")
    void everyRenderedObjectIsAcceptedByTheApiServerWithTheOperatorsCrds(String overlay, String minor) {
        SchemaCatalog catalog = SchemaCatalog.kubernetes(minor);
        List<String> errors = new ArrayList<>();
        Set<String> rules = new TreeSet<>();
        List<Map<String, Object>> documents = Manifests.of(overlay).all();
        assertFalse(documents.isEmpty(), overlay + " renders objects");
        for (Map<String, Object> document : documents) {
            SchemaValidator.Result result = SchemaValidator.validate(catalog, document);
            errors.addAll(result.errors());
            rules.addAll(result.rulesEvaluated());
        }
        assertEquals(List.of(), errors, overlay + " against Kubernetes " + minor + " and " + SchemaCatalog.crdReleases());
        if (overlay.endsWith("prod")) {
            assertTrue(rules.size() >= 20, "the prod objects went through the CRDs' CEL rules: " + rules.size());
        }
    }

    /** The validator must refuse what a cluster refuses: each broken copy of a prod object is one such thing. */
    @Test
    void theValidatorRejectsWhatTheApiServerWouldReject() {
        SchemaCatalog catalog = SchemaCatalog.kubernetes(SchemaCatalog.kubernetesMinors().get(0));
        Manifests prod = Manifests.of("overlays/prod");
        Map<String, Consumer<Map<String, Object>>> kafka = new LinkedHashMap<>();
        kafka.put("no matches for kind \"Kafka\" in version \"kafka.strimzi.io/v1beta2\"",
                k -> k.put("apiVersion", "kafka.strimzi.io/v1beta2"));
        kafka.put("unknown field \"plain\"", k -> map(k, "spec", "kafka").put("plain", true));
        kafka.put("must be a boolean", k -> maps(k, "spec", "kafka", "listeners").get(0).put("tls", "yes"));
        kafka.put("unsupported value string \"scram-sha-256\"", k -> map(maps(k, "spec", "kafka", "listeners").stream()
                .filter(l -> l.containsKey("authentication")).findFirst().orElseThrow(), "authentication")
                .put("type", "scram-sha-256"));
        expectRejections(catalog, first(prod, "Kafka"), kafka);

        Map<String, Consumer<Map<String, Object>>> deployment = new LinkedHashMap<>();
        deployment.put("unknown field \"imagePullPolicyy\"", d -> container(d).put("imagePullPolicyy", "Always"));
        deployment.put("must be an integer, not string \"2\"", d -> map(d, "spec").put("minReadySeconds", "2"));
        deployment.put("unsupported value string \"always\"", d -> container(d).put("imagePullPolicy", "always"));
        deployment.put("required field \"containers\" is missing", d -> map(d, "spec", "template", "spec")
                .remove("containers"));
        deployment.put("no matches for kind \"Deployment\" in version \"extensions/v1beta1\"",
                d -> d.put("apiVersion", "extensions/v1beta1"));
        deployment.put("is not a quantity", d -> map(container(d), "resources", "limits").put("memory", "512 MB"));
        deployment.put("label app.kubernetes.io/part-of has an invalid value", d -> map(d, "metadata", "labels")
                .put("app.kubernetes.io/part-of", "kczg teams"));
        expectRejections(catalog, first(prod, "Deployment"), deployment);

        Map<String, Consumer<Map<String, Object>>> route = new LinkedHashMap<>();
        route.put("backendRequest timeout cannot be longer than request timeout", r -> maps(r, "spec", "rules")
                .get(0).put("timeouts", new LinkedHashMap<>(Map.of("request", "10s", "backendRequest", "20s"))));
        route.put("does not match", r -> list(r, "spec", "hostnames").set(0, "Teams API"));
        expectRejections(catalog, first(prod, "HTTPRoute"), route);

        Map<String, Consumer<Map<String, Object>>> cluster = new LinkedHashMap<>();
        cluster.put("imageCatalogRef", c -> map(c, "spec").put("imageCatalogRef", new LinkedHashMap<>(Map.of(
                "apiGroup", "postgresql.cnpg.io", "kind", "ClusterImageCatalog", "name", "postgresql", "major", 15))));
        cluster.put("is below the minimum", c -> map(c, "spec").put("instances", 0));
        expectRejections(catalog, first(prod, "Cluster"), cluster);

        Map<String, Consumer<Map<String, Object>>> user = new LinkedHashMap<>();
        user.put("unsupported value string \"Produce\"", u -> list(maps(u, "spec", "authorization", "acls").get(0),
                "operations").set(0, "Produce"));
        user.put("required field \"type\" is missing", u -> map(u, "spec", "authentication").remove("type"));
        expectRejections(catalog, first(prod, "KafkaUser"), user);
    }

    /** Every CEL rule of the vendored CRDs compiles with the libraries here (so none is skipped unnoticed). */
    @Test
    void everyCelRuleOfTheVendoredCrdsCompilesHere() throws IOException {
        List<String> rules = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(SchemaCatalog.SCHEMAS.resolve("crds"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collectRules(SchemaCatalog.load(file), rules);
            }
        }
        assertTrue(rules.size() > 100, "the vendored CRDs carry CEL rules: " + rules.size());
        List<String> problems = new ArrayList<>();
        for (String rule : new TreeSet<>(rules)) {
            // transition rules (oldSelf) run on updates only; they are not evaluated, but must compile too
            SchemaValidator.compileProblem(rule).ifPresent(p -> problems.add(rule + ": " + p));
        }
        assertEquals(List.of(), problems, "CEL rules that need a Kubernetes-only library");
    }

    /** deploy/README.md names the releases whose schemas are vendored, and the Kubernetes range checked. */
    @Test
    void theReadmeNamesTheVendoredReleases() throws IOException {
        String readme = Files.readString(Apps.ROOT.resolve("deploy/README.md"), StandardCharsets.UTF_8);
        Map<String, String> names = Map.of("strimzi", "Strimzi", "cloudnative-pg", "CloudNativePG",
                "plugin-barman-cloud", "barman-cloud plugin", "gateway-api", "Gateway API");
        Pattern release = Pattern.compile("(.+)-([0-9]+\\.[0-9]+)\\.[0-9]+");
        for (String vendored : SchemaCatalog.crdReleases()) {
            Matcher m = release.matcher(vendored);
            assertTrue(m.matches(), vendored);
            String named = names.get(m.group(1)) + " " + m.group(2);
            assertTrue(readme.contains(named), "deploy/README.md names " + named + " (vendored: " + vendored + ")");
        }
        List<String> minors = SchemaCatalog.kubernetesMinors();
        String range = "Kubernetes " + minors.get(0) + "–" + minors.get(minors.size() - 1);
        assertTrue(readme.contains(range), "deploy/README.md names the Kubernetes range checked: " + range);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void expectRejections(SchemaCatalog catalog, Map<String, Object> original,
            Map<String, Consumer<Map<String, Object>>> breakages) {
        assertEquals(List.of(), SchemaValidator.validate(catalog, original).errors(), "the unbroken object passes");
        breakages.forEach((expected, breakage) -> {
            Map<String, Object> broken = copy(original);
            breakage.accept(broken);
            List<String> errors = SchemaValidator.validate(catalog, broken).errors();
            assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), text(original, "kind") + " broken so that \""
                    + expected + "\" is refused, but the validator said: " + errors);
        });
    }

    private static Map<String, Object> first(Manifests m, String kind) {
        List<Map<String, Object>> found = m.ofKind(kind);
        assertFalse(found.isEmpty(), m + " renders a " + kind);
        return found.get(0);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return maps(deployment, "spec", "template", "spec", "containers").get(0);
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    private static void collectRules(Object node, List<String> rules) {
        if (node instanceof Map<?, ?> m) {
            for (Object rule : list(m, "x-kubernetes-validations")) {
                rules.add(text(rule, "rule"));
            }
            m.values().forEach(v -> collectRules(v, rules));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRules(v, rules));
        }
    }
}
