package cn.org.kczg.teams.deploy;

import java.util.List;
import java.util.Map;

/** Null-tolerant navigation in parsed YAML: a missing step gives null, an empty map or an empty list. */
final class Tree {
    private Tree() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        return list(node, path).stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
    }

    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    /** A number, also when YAML has it as a string ("3"); null when missing. */
    static Integer integer(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString());
    }
}
