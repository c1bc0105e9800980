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
    static final Set<String> SERVICES = Set.of("registration-service", "review-service", "activity-service",
            "evaluation-service");

    private static final Path KIT = ROOT.resolve("common/service-kit");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

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
                    Matcher m = CONFIG_PROPERTY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(environmentName(m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
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
