package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing another bundle reaches through the exported packages can be changed: every static field is final
 * and holds an immutable value, and no public method is a setter of shared state.
 */
class ExportedStateTest {

    static final List<String> EXPORTED = List.of("org.backendregistry.api", "org.backendregistry.api.runtime",
            "org.backendregistry.attention", "org.backendregistry.attention.select", "org.backendregistry.mamba");

    @Test
    void theExportedPackagesAreAllFound() throws Exception {
        List<String> names = exportedClasses().stream().map(Class::getName).toList();

        assertTrue(names.containsAll(List.of("org.backendregistry.api.BackendFamily",
                "org.backendregistry.api.runtime.NameDTO", "org.backendregistry.attention.Backend",
                "org.backendregistry.mamba.MambaBackendId")), names.toString());
    }

    @Test
    void everyStaticFieldIsFinalAndHoldsAnImmutableValue() throws Exception {
        List<String> mutable = new ArrayList<>();
        for (Field field : staticFields()) {
            String where = field.getDeclaringClass().getName() + "." + field.getName();
            if (!Modifier.isFinal(field.getModifiers())) {
                mutable.add(where + " is not final");
                continue;
            }
            whyMutable(field.get(null), Collections.newSetFromMap(new IdentityHashMap<>()))
                    .ifPresent(why -> mutable.add(where + ": " + why));
        }
        assertEquals(List.of(), mutable);
    }

    @Test
    void noPublicStaticMethodActsOnlyBySideEffect() throws Exception {
        List<String> voidStatics = new ArrayList<>();
        for (Class<?> type : exportedClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())
                        && method.getReturnType() == void.class) {
                    voidStatics.add(type.getName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), voidStatics);
    }

    @Test
    void noSharedValueOfTheExportedPackagesHasASetter() throws Exception {
        List<String> setters = new ArrayList<>();
        for (Field field : staticFields()) {
            Object shared = field.get(null);
            if (shared != null && shared.getClass().getName().startsWith("org.backendregistry.")) {
                setters.addAll(setters(shared.getClass()));
            }
        }
        assertEquals(List.of(), setters.stream().distinct().toList());
    }

    /** A public method that returns nothing yet takes arguments can only store them: a setter by any name. */
    private static List<String> setters(Class<?> type) {
        return Stream.of(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass().getName().startsWith("org.backendregistry."))
                .filter(m -> m.getName().startsWith("set") || m.getReturnType() == void.class && m.getParameterCount() > 0)
                .map(m -> type.getName() + "." + m.getName()).toList();
    }

    private static Optional<String> whyMutable(Object value, Set<Object> seen) throws IllegalAccessException {
        if (value == null || !seen.add(value) || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Class<?>
                || value instanceof Pattern) {
            return Optional.empty();
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            return java.lang.reflect.Array.getLength(value) == 0 ? Optional.empty()
                    : Optional.of("an array, whose elements anyone may replace");
        }
        if (value instanceof Optional<?> optional) {
            return whyMutable(optional.orElse(null), seen);
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            if (!isUnmodifiable(type)) {
                return Optional.of("a modifiable " + type.getName());
            }
            Collection<?> elements = value instanceof Map<?, ?> map ? concat(map.keySet(), map.values())
                    : (Collection<?>) value;
            for (Object element : elements) {
                Optional<String> why = whyMutable(element, seen);
                if (why.isPresent()) {
                    return why;
                }
            }
            return Optional.empty();
        }
        if (!type.getName().startsWith("org.backendregistry.")) {
            return Optional.of("a " + type.getName() + ", which may change");
        }
        for (Class<?> c = type; c.getName().startsWith("org.backendregistry."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (!Modifier.isFinal(field.getModifiers())) {
                    return Optional.of(type.getName() + "." + field.getName() + " is not final");
                }
                field.setAccessible(true);
                Optional<String> why = whyMutable(field.get(value), seen);
                if (why.isPresent()) {
                    return Optional.of(type.getName() + "." + field.getName() + " holds " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnmodifiable(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton");
    }

    private static Collection<?> concat(Collection<?> a, Collection<?> b) {
        List<Object> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** @return the static fields of the exported classes, but those the compiler adds, made readable */
    private static List<Field> staticFields() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Field> fields = new ArrayList<>();
        for (Class<?> type : exportedClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** Every class, nested ones included, of the exported packages as the bundle ships them. */
    static List<Class<?>> exportedClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(BackendFamily.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : EXPORTED) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String simple = file.getFileName().toString().replace(".class", "");
                    if (!simple.equals("package-info")) {
                        found.add(Class.forName(pkg + "." + simple, false, BackendFamily.class.getClassLoader()));
                    }
                }
            }
        }
        return found;
    }
}
