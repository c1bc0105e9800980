package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Tree.text;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/** What {@code kubectl kustomize deploy/k8s/<dir>} renders, parsed; each directory is rendered once. */
final class Manifests {
    private static final Path K8S = Apps.ROOT.resolve("deploy/k8s");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String dir;
    private final List<Map<String, Object>> documents;

    private Manifests(String dir, List<Map<String, Object>> documents) {
        this.dir = dir;
        this.documents = documents;
    }

    static Manifests of(String dir) {
        return RENDERED.computeIfAbsent(dir, Manifests::render);
    }

    /** Every rendered object, in rendering order. */
    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(text(d, "metadata", "name"))).findFirst();
    }

    @Override
    public String toString() {
        return "deploy/k8s/" + dir;
    }

    @SuppressWarnings("unchecked")
    private static Manifests render(String dir) {
        String output = kustomize(K8S.resolve(dir));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new AsKubectlReadsIt()).loadAll(output)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return new Manifests(dir, documents);
    }

    /**
     * YAML as kubectl reads it (sigs.k8s.io/yaml): a scalar that looks like a timestamp stays a string — kustomize
     * drops the quotes of a recovery target time, and the API server gets it as the string it was.
     */
    private static final class AsKubectlReadsIt extends SafeConstructor {
        AsKubectlReadsIt() {
            super(new LoaderOptions());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }

    private static String kustomize(Path dir) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectError(errors.toFile()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    fail("kubectl kustomize " + dir + " failed:\n" + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return fail("cannot run `kubectl kustomize " + dir + "` (" + e.getMessage() + "): deploy/checks renders"
                    + " deploy/k8s with kubectl ≥ 1.27 (built-in kustomize 5); install kubectl on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted rendering " + dir, e);
        }
    }
}
