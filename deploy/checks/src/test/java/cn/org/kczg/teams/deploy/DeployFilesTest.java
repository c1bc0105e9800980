package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Apps.PORTS;
import static cn.org.kczg.teams.deploy.Apps.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the images and the single-host compose file on a machine without Docker: pinned
 * base images and non-root users, health checks and healthy-dependency ordering, and that every environment
 * variable handed to a service is a configuration key that service really reads.
 */
class DeployFilesTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader in = Files.newBufferedReader(ROOT.resolve("deploy/compose/compose.yaml"), StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAppIsHealthCheckedStartsAfterHealthyDependenciesAndGetsOnlyKeysItReads() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertEquals(Set.of("postgres", "kafka", "registration-service", "review-service", "activity-service",
                "evaluation-service", "gateway"), services.keySet());
        services.forEach((name, value) -> {
            Map<String, Object> service = (Map<String, Object>) value;
            String image = (String) service.get("image");
            assertTrue(image.matches("[^:]+:[0-9][\\w.-]*"), name + " pins its image version: " + image);
            assertNotNull(((Map<String, Object>) service.get("healthcheck")).get("test"), name + " has a health check");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                ((Map<String, Object>) dependsOn).forEach((dependency, how) -> assertEquals("service_healthy",
                        ((Map<String, Object>) how).get("condition"), name + " waits for a healthy " + dependency));
            }
            assertEquals(name.equals("gateway"), service.containsKey("ports"), "only the gateway is published");
        });
        for (String app : PORTS.keySet()) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(app)).get("environment");
            env.keySet().forEach(variable -> assertTrue(Apps.reads(app, variable),
                    app + " does not read " + variable + " (no such key in its configuration)"));
            String health = String.valueOf(((Map<String, Object>) ((Map<String, Object>) services.get(app))
                    .get("healthcheck")).get("test"));
            assertTrue(health.contains(":" + Apps.HEALTH_PORTS.get(app) + "/q/health/ready"),
                    app + " is checked on its health port");
        }
    }

    @Test
    void imagesUsePinnedBasesRunAsNonRootAndExposeTheirPort() throws IOException {
        for (var app : PORTS.entrySet()) {
            Path file = ROOT.resolve(app.getKey() + "/src/main/docker/Dockerfile.jvm");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
            assertFalse(froms.isEmpty(), file + " has no FROM");
            for (String from : froms) {
                assertTrue(from.matches("FROM [^:\\s]+:[\\w.-]+( AS \\w+)?") && !from.contains(":latest"),
                        file + ": " + from);
            }
            String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
            assertFalse(user.matches("USER (root|0)(:.*)?"), file + " runs as " + user);
            assertTrue(lines.contains("EXPOSE " + app.getValue()), file + " exposes " + app.getValue());
            assertTrue(lines.stream().anyMatch(l -> l.contains("target/quarkus-app/lib/")), file + " uses the fast-jar");
        }
    }
}
