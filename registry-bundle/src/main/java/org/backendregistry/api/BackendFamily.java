package org.backendregistry.api;

import java.lang.StackWalker.StackFrame;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backendregistry.internal.names.DeprecationWarnings;
import org.backendregistry.internal.names.FamilyRules;
import org.backendregistry.internal.names.NameMessages;
import org.backendregistry.internal.names.NameRules;

/**
 * A family of backends: the service type its providers implement, its catalog of always-known names,
 * and its table of deprecated names. The families are {@code AttentionBackendId.FAMILY} and
 * {@code MambaBackendId.FAMILY}.
 *
 * @param <B> the service type every provider of this family implements
 */
public final class BackendFamily<B> {

    private final String displayName;
    private final Class<B> serviceType;
    private final int index;
    private final List<BackendId<B>> catalog;
    private final Map<String, BackendId<B>> catalogByName;
    private final Map<String, String> deprecatedNames;

    private BackendFamily(String displayName, Class<B> serviceType, int index, List<? extends BackendId<B>> catalog,
            Map<String, String> deprecatedNames) {
        this.displayName = displayName;
        this.serviceType = serviceType;
        this.index = index;
        this.catalog = List.copyOf(catalog);
        Map<String, BackendId<B>> byName = new LinkedHashMap<>();
        for (BackendId<B> id : catalog) {
            byName.put(id.name(), id);
        }
        this.catalogByName = Collections.unmodifiableMap(byName);
        this.deprecatedNames = Collections.unmodifiableMap(new LinkedHashMap<>(deprecatedNames));
    }

    /**
     * Defines the family of one of the registry's catalogs. The families are fixed: only
     * {@code AttentionBackendId} and {@code MambaBackendId} of the registry bundle, each once from its
     * own static initializer, get one; the family's name and index come from that closed list. Plugin
     * names need no family of their own: see {@link #id(String)}.
     *
     * @param catalogType     the catalog enum, whose constants are the catalog in declaration order
     * @param serviceType     the SPI every provider implements
     * @param deprecatedNames old name to current name
     * @throws IllegalArgumentException for any other catalog, a copy of a catalog loaded by another bundle,
     *                                  or a call from anywhere but the catalog's static initializer
     */
    public static <B, E extends Enum<E> & BackendId<B>> BackendFamily<B> define(Class<E> catalogType,
            Class<B> serviceType, Map<String, String> deprecatedNames) {
        StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        int index = FamilyRules.admit(catalogType, serviceType, deprecatedNames, caller);
        return new BackendFamily<>(FamilyRules.displayName(index), serviceType, index,
                List.of(catalogType.getEnumConstants()), deprecatedNames);
    }

    /** @return how messages name this family, e.g. {@code "attention"} */
    public String displayName() {
        return displayName;
    }

    /**
     * @return {@code name} as messages that mix families show it: attention names as they are, others
     *         preceded by their family, e.g. {@code mamba attention CUSTOM}
     */
    public String qualify(String name) {
        return index == 0 ? name : displayName + " " + name;
    }

    /** @return the interface every provider of this family implements */
    public Class<B> serviceType() {
        return serviceType;
    }

    /** @return the family's place in the registry's fixed list of families (attention 0, mamba 1) */
    public int index() {
        return index;
    }

    /** @return the catalog ids in declaration order */
    public List<BackendId<B>> catalog() {
        return catalog;
    }

    /** @return the catalog names in declaration order */
    public Set<String> catalogNames() {
        return catalogByName.keySet();
    }

    /** @return deprecated names mapped to the names that replace them */
    public Map<String, String> deprecatedNames() {
        return deprecatedNames;
    }

    /**
     * Finds a catalog id by its name or by a deprecated name, with no side effect: unlike {@link #id(String)}
     * it never logs a deprecation warning.
     *
     * @return the id, or empty when the name is not in the catalog
     */
    public Optional<BackendId<B>> catalogId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        BackendId<B> id = catalogByName.get(name);
        if (id != null) {
            return Optional.of(id);
        }
        String current = deprecatedNames.get(name);
        return current == null ? Optional.empty() : Optional.of(catalogByName.get(current));
    }

    /**
     * Names a backend of this family without asking whether anything provides it: a catalog id (also
     * through a deprecated name, which logs a warning once per name unless the registry's configuration
     * turned deprecation warnings off), or else a plugin id.
     *
     * @throws IllegalArgumentException when the name is not a valid backend name; the message says why
     *                                  and suggests the valid spelling
     */
    public BackendId<B> id(String name) {
        Optional<BackendId<B>> catalogId = catalogId(name);
        if (catalogId.isPresent()) {
            DeprecationWarnings.shared().nameUsed(this, name);
            return catalogId.get();
        }
        Optional<String> invalid = NameRules.invalidReason(name);
        if (invalid.isPresent()) {
            throw new IllegalArgumentException(NameMessages.invalidName(this, invalid.get()));
        }
        return new PluginBackendId<>(this, name);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
