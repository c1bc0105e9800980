package cn.org.kczg.teams.testkit;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 24: keeps {@code docs/personal-data.md} and the entities' {@link PersonalData} fields the same, without
 * Quarkus. For one service's section of the document: (a) every annotated field has its row, with the same kinds and
 * column; (b) every row names an annotated field that exists; (c) every field whose name looks personal — or, for a
 * JSON column or an embeddable, a name inside its value — is annotated or listed in the section's "not personal data"
 * table with the reason.
 */
public final class PersonalDataInventory {
    /** The net: a name like these probably holds someone's data ({@code ip} and {@code …By} as words, not inside others). */
    static final Pattern LOOKS_PERSONAL = Pattern.compile("(?i)phone|mobile|mail|contact|address|name|idnumber|"
            + "holder|volunteer|author|actor|reviewer|chair|deput|userid|client|(?-i:(?:^ip|Ip)(?:[A-Z]|$)|By$)");
    private static final Set<String> ENTITY_ANNOTATIONS = Set.of("jakarta.persistence.Entity",
            "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Embeddable");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]+");

    private PersonalDataInventory() {
    }

    /** Fails, listing every difference, unless the document's section {@code ## <service>} matches the packages. */
    public static void assertMatches(String service, String... packages) {
        List<String> problems = problems(read(document()), service, entities(packages));
        if (!problems.isEmpty()) {
            throw new AssertionError("docs/personal-data.md (## " + service + ") and the entities differ:\n  "
                    + String.join("\n  ", problems));
        }
    }

    static List<String> problems(String markdown, String service, List<Class<?>> entities) {
        Section section = Section.parse(markdown, service);
        List<String> problems = new ArrayList<>(section.problems);
        Set<String> netHits = new TreeSet<>();
        Map<String, Class<?>> byName = new TreeMap<>();
        for (Class<?> entity : entities) {
            byName.put(entity.getSimpleName(), entity);
            for (Field field : columns(entity)) {
                String key = entity.getSimpleName() + "." + field.getName();
                PersonalData marked = field.getAnnotation(PersonalData.class);
                if (marked == null) {
                    for (String path : looksPersonal(field)) {
                        String hit = entity.getSimpleName() + "." + path;
                        netHits.add(hit);
                        if (!section.notPersonal.contains(hit)) {
                            problems.add(hit + " looks personal: annotate " + key + " with @PersonalData or list "
                                    + hit + " under \"not personal data\" with the reason");
                        }
                    }
                    continue;
                }
                Row row = section.rows.get(key);
                Set<PersonalDataKind> kinds = EnumSet.copyOf(Arrays.asList(marked.kind()));
                if (row == null) {
                    problems.add(key + " is @PersonalData(kind = " + kinds + ") but has no row");
                    continue;
                }
                if (!row.kinds.equals(kinds)) {
                    problems.add(key + " is " + kinds + " in the code but " + row.kinds + " in the document");
                }
                if (!column(field).equals(row.column)) {
                    problems.add(key + " is the column " + column(field) + ", not " + row.column);
                }
            }
        }
        for (String key : section.rows.keySet()) {
            String[] parts = key.split("\\.", 2);
            Class<?> entity = byName.get(parts[0]);
            Field field = entity == null ? null : columns(entity).stream()
                    .filter(f -> f.getName().equals(parts[1])).findFirst().orElse(null);
            if (field == null) {
                problems.add("the row " + key + " names no field of an entity");
            } else if (!field.isAnnotationPresent(PersonalData.class)) {
                problems.add("the row " + key + " names a field without @PersonalData");
            }
        }
        for (String entry : section.notPersonal) {
            if (!netHits.contains(entry)) {
                problems.add("\"not personal data\" lists " + entry + ", which the net does not catch: remove it");
            }
        }
        return problems;
    }

    /** The field's name and the paths inside its value (a JSON column, an embeddable) that look personal. */
    static List<String> looksPersonal(Field field) {
        List<String> hits = new ArrayList<>();
        if (LOOKS_PERSONAL.matcher(field.getName()).find()) {
            hits.add(field.getName());
        }
        inside(field.getGenericType(), field.getName(), new HashSet<>(), hits);
        return hits;
    }

    private static void inside(Type type, String path, Set<Class<?>> seen, List<String> hits) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                inside(argument, path, seen, hits);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isArray()) {
            inside(c.getComponentType(), path, seen, hits);
            return;
        }
        if (c.isEnum() || !c.getName().startsWith("cn.org.kczg.") || !seen.add(c)) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                part(component.getName(), component.getGenericType(), path, seen, hits);
            }
        } else {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    part(f.getName(), f.getGenericType(), path, seen, hits);
                }
            }
        }
    }

    private static void part(String name, Type type, String path, Set<Class<?>> seen, List<String> hits) {
        String here = path + "." + name;
        if (LOOKS_PERSONAL.matcher(name).find()) {
            hits.add(here);
        }
        inside(type, here, seen, hits);
    }

    /** The entity's own persistent fields (a mapped superclass is checked as an entity of its own). */
    static List<Field> columns(Class<?> entity) {
        return Stream.of(entity.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .filter(f -> !f.isSynthetic() && !f.getName().startsWith("$"))
                .filter(f -> annotation(f, "jakarta.persistence.Transient") == null)
                .toList();
    }

    /** {@code @Column(name = …)}, else Hibernate's default as this suite has it: camelCase to snake_case. */
    static String column(Field field) {
        Annotation column = annotation(field, "jakarta.persistence.Column");
        if (column != null) {
            try {
                String name = (String) column.annotationType().getMethod("name").invoke(column);
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return field.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static Annotation annotation(AnnotatedElement element, String type) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    /** The JPA entities, mapped superclasses and embeddables under the packages (classes loaded, not initialised). */
    static List<Class<?>> entities(String... packages) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> names = new TreeSet<>();
        for (String pkg : packages) {
            String folder = pkg.replace('.', '/');
            try {
                for (URL url : Collections.list(loader.getResources(folder))) {
                    names.addAll(classNames(url, folder));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (Stream.of(c.getAnnotations()).anyMatch(a -> ENTITY_ANNOTATIONS.contains(a.annotationType().getName()))) {
                    entities.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        if (entities.isEmpty()) {
            throw new IllegalStateException("no entity under " + Arrays.toString(packages));
        }
        return entities;
    }

    private static Set<String> classNames(URL url, String folder) throws IOException {
        Set<String> names = new TreeSet<>();
        if (url.getProtocol().equals("file")) {
            Path root;
            try {
                root = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(className(
                        folder + "/" + root.relativize(f).toString().replace('\\', '/'))));
            }
        } else if (url.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/") && n.endsWith(".class"))
                        .forEach(n -> names.add(className(n)));
            }
        }
        names.removeIf(n -> n.endsWith("package-info") || n.endsWith("module-info"));
        return names;
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /** docs/personal-data.md of the repository, found from the module the test runs in. */
    static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/personal-data.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("no docs/personal-data.md above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Row(Set<PersonalDataKind> kinds, String column) {
    }

    /**
     * One service's part of the document: its inventory table (header with a {@code kind} column: entity, field and
     * column as {@code `field` (`column`)}, kinds) and its "not personal data" table (header with a {@code why}
     * column: entity, field or path inside the value, reason).
     */
    record Section(Map<String, Row> rows, Set<String> notPersonal, List<String> problems) {
        static Section parse(String markdown, String service) {
            Map<String, Row> rows = new LinkedHashMap<>();
            Set<String> notPersonal = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            boolean inside = false;
            boolean found = false;
            String table = null;
            for (String line : markdown.split("\n")) {
                String text = line.strip();
                if (text.startsWith("## ")) {
                    String heading = text.substring(3).strip();
                    inside = heading.equals(service) || heading.startsWith(service + " ");
                    found |= inside;
                    table = null;
                    continue;
                }
                if (!inside) {
                    continue;
                }
                if (!text.startsWith("|")) {
                    table = null;
                    continue;
                }
                List<String> cells = cells(text);
                if (table == null) {
                    table = cells.stream().anyMatch(c -> c.equalsIgnoreCase("kind")) ? "kind"
                            : cells.stream().anyMatch(c -> c.equalsIgnoreCase("why")) ? "why" : "other";
                    continue;
                }
                if (text.matches("\\|[\\s:|-]+")) {
                    continue;
                }
                if (table.equals("other") || cells.size() < 3) {
                    continue;
                }
                List<String> field = codes(cells.get(1));
                String entity = cells.get(0).replace("`", "").strip();
                if (field.isEmpty()) {
                    problems.add("a row of " + entity + " names no `field`: " + text);
                    continue;
                }
                String key = entity + "." + field.get(0);
                if (table.equals("why")) {
                    notPersonal.add(key);
                    continue;
                }
                Set<PersonalDataKind> kinds = EnumSet.noneOf(PersonalDataKind.class);
                Matcher kind = KIND.matcher(cells.get(2));
                while (kind.find()) {
                    try {
                        kinds.add(PersonalDataKind.valueOf(kind.group()));
                    } catch (IllegalArgumentException e) {
                        problems.add(key + ": no kind " + kind.group());
                    }
                }
                if (rows.put(key, new Row(kinds, field.size() > 1 ? field.get(1) : "?")) != null) {
                    problems.add(key + " has two rows");
                }
            }
            if (!found) {
                problems.add("no section \"## " + service + "\"");
            }
            return new Section(rows, notPersonal, problems);
        }

        private static List<String> cells(String row) {
            String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
            return Stream.of(inner.split("\\|", -1)).map(String::strip).toList();
        }

        private static List<String> codes(String cell) {
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(cell);
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }
    }
}
