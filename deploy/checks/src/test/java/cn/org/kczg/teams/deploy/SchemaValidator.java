package cn.org.kczg.teams.deploy;

import static cn.org.kczg.teams.deploy.Tree.list;
import static cn.org.kczg.teams.deploy.Tree.map;
import static cn.org.kczg.teams.deploy.Tree.text;

import com.google.re2j.Pattern;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one object against its kind's schema the way the API server does with {@code --validate=strict}
 * (server-side field validation "Strict"):
 * <ul>
 * <li>the apiVersion and kind must be served (a built-in kind of the Kubernetes minor, or a vendored CRD's
 * served version);</li>
 * <li>every field must be declared (unknown fields are errors; only {@code x-kubernetes-preserve-unknown-fields},
 * {@code additionalProperties} maps and embedded resources' apiVersion/kind/metadata admit more);</li>
 * <li>types (integers within int32/int64, int-or-string, quantities, base64 bytes), {@code enum}, {@code required},
 * {@code pattern} (RE2, as Go), lengths, item and property counts, minimum/maximum, {@code allOf}/{@code anyOf}/
 * {@code oneOf}/{@code not};</li>
 * <li>for CRDs also what structural schemas add: {@code default}s applied before validation, list-type map/set
 * uniqueness, and every {@code x-kubernetes-validations} CEL rule, evaluated with the CEL standard library and the
 * strings, lists, sets, math, regex and optional extensions (Kubernetes adds its own libraries — quantity, url,
 * ip/cidr, format, authz, isSorted…; a rule that needs one does not compile here and is reported, never skipped
 * silently). Transition rules (those reading {@code oldSelf}) only run on updates and are not evaluated.</li>
 * </ul>
 * metadata is checked against ObjectMeta, with the names and labels Kubernetes accepts. Not checked: the
 * validation built-in kinds do in Go beyond their schema (e.g. that a selector matches the template's labels), and
 * CRD {@code format}s other than int32/int64/byte.
 */
final class SchemaValidator {
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern LABEL_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern QUANTITY = Pattern.compile(
            "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[mkMGTPE]|[eE][+-]?[0-9]+)?$");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final CelOptions CEL_OPTIONS = CelOptions.current().enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler CEL_COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(CEL_OPTIONS).setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN)
            .addLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.lists(),
                    CelExtensions.sets(CEL_OPTIONS), CelExtensions.math(CEL_OPTIONS), CelExtensions.regex())
            .build();
    private static final CelRuntime CEL_RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(CEL_OPTIONS)
            .addLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.lists(),
                    CelExtensions.sets(CEL_OPTIONS), CelExtensions.math(CEL_OPTIONS), CelExtensions.regex())
            .build();
    private static final Map<String, Object> COMPILED = new ConcurrentHashMap<>();

    /** What validating one object found, and which CEL rules it evaluated. */
    record Result(List<String> errors, Set<String> rulesEvaluated, Set<String> transitionRulesSkipped) {
    }

    private final SchemaCatalog catalog;
    private final List<String> errors = new ArrayList<>();
    private final Set<String> evaluated = new TreeSet<>();
    private final Set<String> skipped = new TreeSet<>();
    private boolean custom;

    private SchemaValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    static Result validate(SchemaCatalog catalog, Map<String, Object> object) {
        SchemaValidator validator = new SchemaValidator(catalog);
        validator.check(object);
        return new Result(List.copyOf(validator.errors), validator.evaluated, validator.skipped);
    }

    private void check(Map<String, Object> object) {
        String apiVersion = text(object, "apiVersion");
        String kindName = text(object, "kind");
        String where = apiVersion + " " + kindName + " " + text(object, "metadata", "name");
        var kind = catalog.kind(String.valueOf(apiVersion), String.valueOf(kindName));
        if (kind.isEmpty()) {
            Set<String> served = catalog.servedVersions(String.valueOf(apiVersion), String.valueOf(kindName));
            errors.add(where + ": no matches for kind \"" + kindName + "\" in version \"" + apiVersion + "\" ("
                    + (served.isEmpty() ? "neither Kubernetes " + catalog.kubernetesVersion()
                            + " nor a vendored CRD has this kind" : "served: " + served) + ")");
            return;
        }
        custom = kind.get().custom();
        Map<String, Object> metadata = map(object, "metadata");
        checkMetadata(where, kindName, metadata, kind.get().namespaced());
        Map<String, Object> schema = kind.get().schema();
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : object.entrySet()) {
            String name = field.getKey();
            if (name.equals("apiVersion") || name.equals("kind")) {
                normalized.put(name, field.getValue());
            } else if (name.equals("metadata")) {
                normalized.put(name, walk(field.getValue(), catalog.objectMeta(), where + " .metadata", true));
            }
        }
        // the rest of the object: everything but metadata, which ObjectMeta checked
        Map<String, Object> body = new LinkedHashMap<>(object);
        body.remove("metadata");
        Map<String, Object> rootSchema = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>(map(schema, "properties"));
        properties.remove("metadata");
        properties.remove("apiVersion");
        properties.remove("kind");
        rootSchema.put("properties", properties);
        rootSchema.put("required", list(schema, "required").stream()
                .filter(r -> !Set.of("metadata", "apiVersion", "kind").contains(String.valueOf(r))).toList());
        rootSchema.remove("x-kubernetes-validations");
        body.remove("apiVersion");
        body.remove("kind");
        @SuppressWarnings("unchecked")
        Map<String, Object> checked = (Map<String, Object>) walk(body, rootSchema, where + " ", true);
        if (checked != null) {
            normalized.putAll(checked);
        }
        // root-level rules see the whole object, metadata included
        celRules(normalized, schema, where + " ");
    }

    private void checkMetadata(String where, String kind, Map<String, Object> metadata, boolean namespaced) {
        String name = text(metadata, "name");
        if (name == null || name.isEmpty()) {
            errors.add(where + ": metadata.name is required");
        } else if (Set.of("Service", "Namespace").contains(kind) ? !(name.length() <= 63 && DNS_LABEL.matches(name))
                : !(name.length() <= 253 && DNS_SUBDOMAIN.matches(name))) {
            errors.add(where + ": metadata.name \"" + name + "\" is not a valid "
                    + (Set.of("Service", "Namespace").contains(kind) ? "DNS-1035 label" : "DNS-1123 subdomain"));
        }
        if (!namespaced && metadata.containsKey("namespace")) {
            errors.add(where + ": a cluster-scoped " + kind + " has no namespace");
        }
        map(metadata, "labels").forEach((key, value) -> {
            if (!validQualifiedName(key)) {
                errors.add(where + ": label key \"" + key + "\" is invalid");
            }
            String text = String.valueOf(value);
            if (!(value instanceof String) || text.length() > 63 || !(text.isEmpty() || LABEL_NAME.matches(text))) {
                errors.add(where + ": label " + key + " has an invalid value \"" + value + "\"");
            }
        });
        map(metadata, "annotations").forEach((key, value) -> {
            if (!validQualifiedName(key)) {
                errors.add(where + ": annotation key \"" + key + "\" is invalid");
            }
            if (!(value instanceof String)) {
                errors.add(where + ": annotation " + key + " is not a string: " + value);
            }
        });
    }

    private static boolean validQualifiedName(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        String prefix = slash < 0 ? null : key.substring(0, slash);
        return name.length() <= 63 && LABEL_NAME.matches(name)
                && (prefix == null || prefix.length() <= 253 && DNS_SUBDOMAIN.matches(prefix));
    }

    // ---- the schema walk -----------------------------------------------------------------------------------

    /**
     * Checks the value against the schema and returns it as CEL sees it (integers as long, numbers as double,
     * defaults applied); {@code strict}: fields the schema does not declare are errors (false inside allOf, anyOf,
     * oneOf and not, whose branches only add value checks).
     */
    @SuppressWarnings("unchecked")
    private Object walk(Object value, Map<String, Object> schema, String path, boolean strict) {
        schema = resolve(schema);
        if (value == null) {
            return null; // the API server drops nulls of fields that are not nullable (and defaults them)
        }
        if (schema.containsKey("$special")) {
            return special(String.valueOf(schema.get("$special")), value, path);
        }
        for (Object branch : list(schema, "allOf")) {
            walk(value, (Map<String, Object>) branch, path, false);
        }
        branches(value, schema, path);
        Object result = value;
        String type = text(schema, "type");
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))
                || "int-or-string".equals(schema.get("format"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                errors.add(path + ": must be an integer or a string, not " + describe(value));
            }
            result = value instanceof Integer i ? Long.valueOf(i) : value;
        } else if (type == null) {
            result = plain(value);
        } else {
            switch (type) {
                case "object" -> result = object(value, schema, path, strict);
                case "array" -> result = array(value, schema, path, strict);
                case "string" -> result = string(value, schema, path);
                case "integer" -> result = integer(value, schema, path);
                case "number" -> result = number(value, schema, path);
                case "boolean" -> {
                    if (!(value instanceof Boolean)) {
                        errors.add(path + ": must be a boolean, not " + describe(value));
                    }
                }
                default -> errors.add(path + ": the schema has an unknown type " + type);
            }
        }
        if (schema.containsKey("enum") && list(schema, "enum").stream().noneMatch(e -> same(e, value))) {
            errors.add(path + ": unsupported value " + describe(value) + ", supported: " + list(schema, "enum"));
        }
        if (custom && result != null) {
            celRules(result, schema, path);
        }
        return result;
    }

    /** anyOf, oneOf and not: value checks only (structural schemas declare no fields in them). */
    @SuppressWarnings("unchecked")
    private void branches(Object value, Map<String, Object> schema, String path) {
        if (schema.containsKey("anyOf") && list(schema, "anyOf").stream()
                .noneMatch(b -> passes(value, (Map<String, Object>) b, path))) {
            errors.add(path + ": matches none of anyOf " + list(schema, "anyOf"));
        }
        if (schema.containsKey("oneOf")) {
            long matching = list(schema, "oneOf").stream().filter(b -> passes(value, (Map<String, Object>) b, path))
                    .count();
            if (matching != 1) {
                errors.add(path + ": matches " + matching + " of oneOf " + list(schema, "oneOf") + ", not exactly one");
            }
        }
        if (schema.get("not") instanceof Map<?, ?> not && passes(value, (Map<String, Object>) not, path)) {
            errors.add(path + ": must not match " + not);
        }
    }

    private boolean passes(Object value, Map<String, Object> schema, String path) {
        int before = errors.size();
        walk(value, schema, path, false);
        boolean passed = errors.size() == before;
        errors.subList(before, errors.size()).clear();
        return passed;
    }

    @SuppressWarnings("unchecked")
    private Object object(Object value, Map<String, Object> schema, String path, boolean strict) {
        if (!(value instanceof Map<?, ?> raw)) {
            errors.add(path + ": must be an object, not " + describe(value));
            return value;
        }
        Map<String, Object> given = (Map<String, Object>) raw;
        Map<String, Object> properties = map(schema, "properties");
        Map<String, Object> result = new LinkedHashMap<>();
        if (custom) { // structural defaulting: a missing field with a default gets it before validation
            properties.forEach((name, property) -> {
                Map<String, Object> resolved = resolve((Map<String, Object>) property);
                if (!given.containsKey(name) && resolved.containsKey("default")) {
                    result.put(name, deepCopy(resolved.get("default")));
                }
            });
        }
        boolean embedded = Boolean.TRUE.equals(schema.get("x-kubernetes-embedded-resource"));
        boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        Object additional = schema.get("additionalProperties");
        for (Map.Entry<String, Object> field : given.entrySet()) {
            String name = field.getKey();
            String at = path + "." + name;
            if (properties.containsKey(name)) {
                result.put(name, walk(field.getValue(), (Map<String, Object>) properties.get(name), at, strict));
            } else if (additional instanceof Map<?, ?> values) {
                result.put(name, walk(field.getValue(), (Map<String, Object>) values, at, strict));
            } else if (Boolean.TRUE.equals(additional) || preserve
                    || embedded && Set.of("apiVersion", "kind", "metadata").contains(name)) {
                result.put(name, plain(field.getValue()));
            } else if (strict) {
                errors.add(path + ": unknown field \"" + name + "\"");
            }
        }
        for (Object required : list(schema, "required")) {
            if (!result.containsKey(String.valueOf(required)) || result.get(String.valueOf(required)) == null) {
                errors.add(path + ": required field \"" + required + "\" is missing");
            }
        }
        // defaults inside defaulted objects
        for (Map.Entry<String, Object> field : new ArrayList<>(result.entrySet())) {
            if (!given.containsKey(field.getKey()) && properties.containsKey(field.getKey())) {
                field.setValue(walk(field.getValue(), (Map<String, Object>) properties.get(field.getKey()),
                        path + "." + field.getKey() + "(default)", strict));
            }
        }
        bound(path, "properties", result.size(), schema.get("minProperties"), schema.get("maxProperties"));
        return result;
    }

    @SuppressWarnings("unchecked")
    private Object array(Object value, Map<String, Object> schema, String path, boolean strict) {
        if (!(value instanceof List<?> raw)) {
            errors.add(path + ": must be an array, not " + describe(value));
            return value;
        }
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            result.add(schema.get("items") instanceof Map<?, ?> items
                    ? walk(raw.get(i), (Map<String, Object>) items, path + "[" + i + "]", strict)
                    : plain(raw.get(i)));
        }
        bound(path, "items", result.size(), schema.get("minItems"), schema.get("maxItems"));
        if (custom) {
            String listType = text(schema, "x-kubernetes-list-type");
            List<Object> keys = list(schema, "x-kubernetes-list-map-keys");
            Set<Object> seen = new HashSet<>();
            for (Object item : result) {
                Object key = "map".equals(listType) ? keys.stream().map(k -> map(item).get(String.valueOf(k))).toList()
                        : item;
                if (("set".equals(listType) || "map".equals(listType)) && !seen.add(key)) {
                    errors.add(path + ": duplicate " + ("map".equals(listType) ? "entry with key " + keys + " = " : "")
                            + key);
                }
            }
        }
        return result;
    }

    private Object string(Object value, Map<String, Object> schema, String path) {
        if (!(value instanceof String text)) {
            errors.add(path + ": must be a string, not " + describe(value));
            return value;
        }
        bound(path, "characters", text.codePointCount(0, text.length()), schema.get("minLength"),
                schema.get("maxLength"));
        if (schema.get("pattern") instanceof String pattern
                && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).find()) {
            errors.add(path + ": \"" + text + "\" does not match " + pattern);
        }
        if ("byte".equals(schema.get("format"))) {
            try {
                Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                errors.add(path + ": not base64");
            }
        }
        return text;
    }

    private Object integer(Object value, Map<String, Object> schema, String path) {
        if (!(value instanceof Integer || value instanceof Long)) {
            errors.add(path + ": must be an integer, not " + describe(value));
            return value;
        }
        long number = ((Number) value).longValue();
        if ("int32".equals(schema.get("format")) && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            errors.add(path + ": " + number + " is not an int32");
        }
        range(path, number, schema);
        return number;
    }

    private Object number(Object value, Map<String, Object> schema, String path) {
        if (!(value instanceof Number number)) {
            errors.add(path + ": must be a number, not " + describe(value));
            return value;
        }
        range(path, number.doubleValue(), schema);
        return number.doubleValue();
    }

    private void range(String path, double number, Map<String, Object> schema) {
        if (schema.get("minimum") instanceof Number min && (Boolean.TRUE.equals(schema.get("exclusiveMinimum"))
                ? number <= min.doubleValue() : number < min.doubleValue())) {
            errors.add(path + ": " + number + " is below the minimum " + min);
        }
        if (schema.get("maximum") instanceof Number max && (Boolean.TRUE.equals(schema.get("exclusiveMaximum"))
                ? number >= max.doubleValue() : number > max.doubleValue())) {
            errors.add(path + ": " + number + " is above the maximum " + max);
        }
    }

    private void bound(String path, String what, int count, Object min, Object max) {
        if (min instanceof Number n && count < n.intValue()) {
            errors.add(path + ": " + count + " " + what + ", at least " + n + " required");
        }
        if (max instanceof Number n && count > n.intValue()) {
            errors.add(path + ": " + count + " " + what + ", at most " + n + " allowed");
        }
    }

    /** The built-in types whose OpenAPI form is looser or stricter than their JSON decoding. */
    private Object special(String name, Object value, String path) {
        switch (name) {
            case "quantity" -> {
                if (!(value instanceof String || value instanceof Number) || !QUANTITY.matches(String.valueOf(value))) {
                    errors.add(path + ": " + describe(value) + " is not a quantity");
                }
                return String.valueOf(value);
            }
            case "any" -> {
                return plain(value);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (!(ref instanceof String reference)) {
            return schema;
        }
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        return switch (name) {
            case "io.k8s.apimachinery.pkg.api.resource.Quantity" -> Map.of("$special", "quantity");
            case "io.k8s.apimachinery.pkg.runtime.RawExtension", "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1" ->
                Map.of("$special", "any");
            default -> {
                Object target = catalog.definitions().get(name);
                if (target == null) {
                    throw new IllegalStateException("the vendored Kubernetes schema lacks " + name);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> definition = (Map<String, Object>) target;
                yield definition;
            }
        };
    }

    // ---- CEL ------------------------------------------------------------------------------------------------

    private void celRules(Object self, Map<String, Object> schema, String path) {
        for (Object entry : list(schema, "x-kubernetes-validations")) {
            String rule = text(entry, "rule");
            if (rule.contains("oldSelf")) {
                skipped.add(rule);
                continue;
            }
            Object compiled = COMPILED.computeIfAbsent(rule, SchemaValidator::compile);
            if (compiled instanceof String problem) {
                errors.add(path + ": CEL rule " + rule + " cannot be evaluated here (" + problem + ")");
                continue;
            }
            evaluated.add(rule);
            try {
                Object outcome = CEL_RUNTIME.createProgram((CelAbstractSyntaxTree) compiled).eval(Map.of("self", self));
                if (!Boolean.TRUE.equals(outcome)) {
                    errors.add(path + ": " + Objects.requireNonNullElse(text(entry, "message"), "failed rule: " + rule)
                            + " (" + rule + ")");
                }
            } catch (Exception e) {
                errors.add(path + ": CEL rule " + rule + " failed: " + e.getMessage());
            }
        }
    }

    /** Why the rule does not compile with the CEL libraries here, if it does not. */
    static java.util.Optional<String> compileProblem(String rule) {
        Object compiled = COMPILED.computeIfAbsent(rule, SchemaValidator::compile);
        return compiled instanceof String problem ? java.util.Optional.of(problem) : java.util.Optional.empty();
    }

    private static Object compile(String rule) {
        try {
            return CEL_COMPILER.compile(rule).getAst();
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** A value as CEL takes it: integers as long, maps and lists copied. */
    @SuppressWarnings("unchecked")
    private static Object plain(Object value) {
        if (value instanceof Integer i) {
            return Long.valueOf(i);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(SchemaValidator::plain).toList();
        }
        return value;
    }

    private static Object deepCopy(Object value) {
        return plain(value);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static String describe(Object value) {
        String type = value instanceof String ? "string" : value instanceof Number ? "number"
                : value instanceof Boolean ? "boolean" : value instanceof Map ? "object"
                        : value instanceof List ? "array" : String.valueOf(value);
        return type + " " + (value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
    }
}
