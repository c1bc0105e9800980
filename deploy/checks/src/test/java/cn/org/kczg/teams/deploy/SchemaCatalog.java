package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Tree.list;
import static cn.org.kczg.teams.deploy.Tree.map;
import static cn.org.kczg.teams.deploy.Tree.maps;
import static cn.org.kczg.teams.deploy.Tree.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The schemas a cluster would check the rendered objects against, as vendored under
 * src/test/resources/schemas by vendor-schemas.py: the built-in kinds of one Kubernetes minor (its OpenAPI
 * definitions) and the CustomResourceDefinitions of the operators' releases the README names. Nothing is
 * fetched at test time.
 */
final class SchemaCatalog {
    static final Path SCHEMAS = Apps.ROOT.resolve("deploy/checks/src/test/resources/schemas");
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final Map<String, SchemaCatalog> LOADED = new ConcurrentHashMap<>();

    /** A kind as the API server serves it: its schema, and whether a CRD defines it (structural schema rules). */
    record Kind(String apiVersion, String kind, Map<String, Object> schema, boolean custom, boolean namespaced,
            String source) {
    }

    private final String kubernetes;
    private final Map<String, Object> definitions;
    private final Map<String, Kind> kinds = new TreeMap<>();
    /** group/kind → the versions served, to name them when an object asks for another one. */
    private final Map<String, TreeSet<String>> served = new TreeMap<>();

    private SchemaCatalog(String kubernetes) {
        this.kubernetes = kubernetes;
        Map<String, Object> openApi = load(SCHEMAS.resolve("kubernetes/" + kubernetes + ".json"));
        definitions = map(openApi, "definitions");
        definitions.forEach((name, definition) -> {
            for (Map<String, Object> gvk : maps(definition, "x-kubernetes-group-version-kind")) {
                String group = String.valueOf(gvk.getOrDefault("group", ""));
                String apiVersion = group.isEmpty() ? text(gvk, "version") : group + "/" + text(gvk, "version");
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) definition;
                // only Namespace of the vendored built-in kinds is cluster-scoped
                add(new Kind(apiVersion, text(gvk, "kind"), schema, false, !"Namespace".equals(text(gvk, "kind")),
                        "Kubernetes " + kubernetes), group);
            }
        });
        for (Path file : crdFiles()) {
            Map<String, Object> crd = load(file);
            String group = text(crd, "spec", "group");
            String kind = text(crd, "spec", "names", "kind");
            for (Map<String, Object> version : maps(crd, "spec", "versions")) {
                if (Boolean.TRUE.equals(version.get("served"))) {
                    add(new Kind(group + "/" + text(version, "name"), kind, map(version, "schema", "openAPIV3Schema"),
                            true, "Namespaced".equals(text(crd, "spec", "scope")),
                            SCHEMAS.relativize(file).toString()), group);
                }
            }
        }
    }

    static SchemaCatalog kubernetes(String minor) {
        return LOADED.computeIfAbsent(minor, SchemaCatalog::new);
    }

    /** The Kubernetes minors vendored (oldest and newest supported). */
    static List<String> kubernetesMinors() {
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("kubernetes"))) {
            return files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vendored CRD releases, as directory names (strimzi-1.2.0, cloudnative-pg-1.30.0, …). */
    static List<String> crdReleases() {
        try (Stream<Path> dirs = Files.list(SCHEMAS.resolve("crds"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String kubernetesVersion() {
        return kubernetes;
    }

    Optional<Kind> kind(String apiVersion, String kind) {
        return Optional.ofNullable(kinds.get(apiVersion + " " + kind));
    }

    /** The versions of this kind's group the catalog serves (empty when it does not know the kind at all). */
    TreeSet<String> servedVersions(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return served.getOrDefault(group + "/" + kind, new TreeSet<>());
    }

    Map<String, Object> definitions() {
        return definitions;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> objectMeta() {
        return (Map<String, Object>) definitions.get(OBJECT_META);
    }

    private void add(Kind kind, String group) {
        kinds.put(kind.apiVersion() + " " + kind.kind(), kind);
        served.computeIfAbsent(group + "/" + kind.kind(), k -> new TreeSet<>()).add(kind.apiVersion());
    }

    private static List<Path> crdFiles() {
        try (Stream<Path> files = Files.walk(SCHEMAS.resolve("crds"))) {
            return files.filter(f -> f.toString().endsWith(".json")).filter(f -> !f.getFileName().toString()
                    .equals("kafka-versions.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vendored JSON file (JSON is YAML, so SnakeYAML reads it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(options).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kafka versions of a vendored Strimzi release: version → supported. */
    static Map<String, Boolean> strimziKafkaVersions(String release) {
        Map<String, Boolean> versions = new TreeMap<>();
        for (Object entry : list(load(SCHEMAS.resolve("crds/" + release + "/kafka-versions.json")), "versions")) {
            versions.put(text(entry, "version"), Boolean.TRUE.equals(map(entry).get("supported")));
        }
        return versions;
    }

    static List<String> sources() {
        List<String> sources = new ArrayList<>();
        kubernetesMinors().forEach(m -> sources.add("kubernetes/" + m));
        crdReleases().forEach(r -> sources.add("crds/" + r));
        return sources;
    }
}
