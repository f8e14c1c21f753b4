package org.backendregistry.internal.names;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry's families, a closed list, and the checks that keep any other bundle from defining one. */
public final class FamilyRules {

    /** by index: the core keeps one table per family in an array */
    private static final List<Known> FAMILIES = List.of(
            new Known("attention", "org.backendregistry.attention.AttentionBackendId",
                    "org.backendregistry.attention.AttentionBackend"),
            new Known("mamba attention", "org.backendregistry.mamba.MambaBackendId",
                    "org.backendregistry.mamba.MambaBackend"));

    private FamilyRules() {
    }

    /**
     * Admits the family of {@code catalogType} when it is one of the registry's own catalogs, loaded by the
     * registry bundle, defining its family from its own static initializer (which runs once).
     *
     * @param caller the frame that called {@code BackendFamily.define}
     * @return the family's index
     * @throws IllegalArgumentException saying why the family may not be defined
     */
    public static int admit(Class<? extends Enum<?>> catalogType, Class<?> serviceType,
            Map<String, String> deprecatedNames, StackFrame caller) {
        int index = indexOf(catalogType.getName());
        if (index < 0) {
            throw new IllegalArgumentException("Backend families are fixed: " + listed() + ". " + catalogType.getName()
                    + " cannot define another; a plugin backend needs no family of its own: name it with "
                    + "AttentionBackendId.FAMILY.id(\"MY_KERNEL\").");
        }
        if (catalogType.getClassLoader() != FamilyRules.class.getClassLoader()) {
            throw new IllegalArgumentException("Backend families are fixed: this copy of " + catalogType.getName()
                    + " was not loaded by the registry bundle and cannot define a family; import the package "
                    + catalogType.getPackageName() + " instead of embedding it.");
        }
        String simpleName = catalogType.getSimpleName();
        if (caller.getDeclaringClass() != catalogType || !caller.getMethodName().equals("<clinit>")) {
            throw new IllegalArgumentException(simpleName + ".FAMILY is defined once, by " + simpleName + " itself: use "
                    + simpleName + ".FAMILY.");
        }
        Known known = FAMILIES.get(index);
        if (!serviceType.getName().equals(known.serviceType())
                || serviceType.getClassLoader() != FamilyRules.class.getClassLoader()) {
            throw new IllegalArgumentException("The " + known.displayName() + " family's providers implement "
                    + known.serviceType() + " of the registry bundle, not " + serviceType.getName() + ".");
        }
        checkDeprecatedNames(known.displayName(), catalogType, deprecatedNames);
        return index;
    }

    /** @return how messages name the family with {@code index}, e.g. {@code "attention"} */
    public static String displayName(int index) {
        return FAMILIES.get(index).displayName();
    }

    private static void checkDeprecatedNames(String family, Class<? extends Enum<?>> catalogType,
            Map<String, String> deprecatedNames) {
        Set<String> catalog = Arrays.stream(catalogType.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        deprecatedNames.forEach((old, current) -> {
            if (!NameRules.isValid(old) || catalog.contains(old) || !catalog.contains(current)) {
                throw new IllegalArgumentException("Deprecated " + family + " name " + old + " -> " + current
                        + ": a deprecated name is a valid name outside the catalog and stands for a catalog name.");
            }
        });
    }

    private static int indexOf(String catalogType) {
        for (int i = 0; i < FAMILIES.size(); i++) {
            if (FAMILIES.get(i).catalogType().equals(catalogType)) {
                return i;
            }
        }
        return -1;
    }

    private static String listed() {
        return FAMILIES.stream().map(f -> f.displayName() + " (" + f.catalogType() + ")").collect(Collectors.joining(", "));
    }

    private record Known(String displayName, String catalogType, String serviceType) {
    }
}
