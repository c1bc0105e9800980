package cn.org.kczg.teams.kit.privacy;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code @PersonalData} fields a response record carries, found by walking it: a field so annotated counts when
 * it holds something (not null, not an empty text or list); other fields of the suite's own records and their lists
 * are walked into, their paths joined by dots ({@code contact.phone}). No hand list: the annotations say it.
 */
public final class PersonalFields {
    private static final String SUITE = "cn.org.kczg.teams.";
    private static final int MAX_DEPTH = 6;

    private PersonalFields() {
    }

    /** Path → kinds of every personal field {@code value} holds; empty when it holds none. */
    public static Map<String, Set<PersonalDataKind>> of(Object value) {
        Map<String, Set<PersonalDataKind>> found = new TreeMap<>();
        walk(value, "", found, 0);
        return found;
    }

    /** Every personal field a record type may carry (what an export's rows hold), whether set or not. */
    public static Map<String, Set<PersonalDataKind>> declared(Class<?> type) {
        Map<String, Set<PersonalDataKind>> found = new TreeMap<>();
        declared(type, "", found, 0);
        return found;
    }

    /** The value of the property {@code name} of a record, as text (the id of what was read). */
    public static Optional<String> property(Object value, String name) {
        if (value == null) {
            return Optional.empty();
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                Object id = field.get(value);
                return id == null ? Optional.empty() : Optional.of(id.toString());
            } catch (NoSuchFieldException e) {
                // the superclass may have it
            } catch (IllegalAccessException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void walk(Object value, String path, Map<String, Set<PersonalDataKind>> found, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> walk(item, path, found, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith(SUITE) || value.getClass().isEnum()) {
            return;
        }
        for (Field field : fields(value.getClass())) {
            Object held;
            try {
                field.setAccessible(true);
                held = field.get(value);
            } catch (IllegalAccessException | RuntimeException e) {
                continue;
            }
            PersonalData marked = field.getAnnotation(PersonalData.class);
            String name = path + field.getName();
            if (marked == null) {
                walk(held, name + ".", found, depth + 1);
            } else if (holds(held)) {
                found.computeIfAbsent(name, n -> EnumSet.noneOf(PersonalDataKind.class))
                        .addAll(Arrays.asList(marked.kind()));
            }
        }
    }

    private static void declared(Class<?> type, String path, Map<String, Set<PersonalDataKind>> found, int depth) {
        if (depth > MAX_DEPTH || !type.getName().startsWith(SUITE) || type.isEnum()) {
            return;
        }
        for (Field field : fields(type)) {
            PersonalData marked = field.getAnnotation(PersonalData.class);
            if (marked != null) {
                found.computeIfAbsent(path + field.getName(), n -> EnumSet.noneOf(PersonalDataKind.class))
                        .addAll(Arrays.asList(marked.kind()));
            } else {
                declared(field.getType(), path + field.getName() + ".", found, depth + 1);
            }
        }
    }

    private static boolean holds(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof CharSequence text) {
            return !text.toString().isBlank();
        }
        if (value instanceof Collection<?> items) {
            return !items.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    private static Field[] fields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).toArray(Field[]::new);
    }
}
