package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendLease;
import org.backendregistry.internal.names.DeprecationWarnings;
import org.backendregistry.internal.names.NameMessages;

/**
 * The registry's reads: what serves a name, which names are known, and leases on what serves. Lock-free,
 * and allocation-free on success: a lookup of a catalog id is a class comparison, an array read and the
 * slot's volatile read. Callers on the hot path hold this object itself, not the {@link RegistryCore},
 * so that a lookup follows no more references than it did when these methods lived in the core.
 */
public final class Lookups {

    private final List<? extends BackendFamily<?>> families;
    private final FamilyTable[] tables;
    private final Supplier<RegistryConfiguration> configuration;
    private final DeprecationWarnings deprecations;

    Lookups(List<? extends BackendFamily<?>> families, Supplier<RegistryConfiguration> configuration,
            DeprecationWarnings deprecations) {
        this.families = families;
        this.tables = new FamilyTable[families.size()];
        for (BackendFamily<?> family : families) {
            tables[family.index()] = new FamilyTable(family);
        }
        this.configuration = configuration;
        this.deprecations = deprecations;
    }

    /** @return what serves {@code id} now, or {@code null} */
    public Served served(BackendId<?> id) {
        NameSlot slot = slot(id);
        return slot == null ? null : slot.served();
    }

    /** Finds a name's slot: catalog ids by class and ordinal, without calling into the id. */
    private NameSlot slot(BackendId<?> id) {
        for (FamilyTable table : tables) {
            NameSlot slot = table.catalogSlot(id);
            if (slot != null) {
                return slot;
            }
        }
        return table(id.family()).slot(id.name());
    }

    /**
     * @return what serves {@code id} now
     * @throws IllegalArgumentException for a plugin name nothing provides
     * @throws IllegalStateException    for a known name nothing serves
     */
    public Served require(BackendId<?> id) {
        NameSlot slot = slot(id);
        Served served = slot == null ? null : slot.served();
        if (served != null) {
            return served;
        }
        if (slot == null || !isKnown(slot)) {
            throw new IllegalArgumentException(unknownMessage(id.family(), id.name()));
        }
        String problem = slot.problem();
        throw new IllegalStateException(problem != null ? problem : NameMessages.notRegistered(id));
    }

    /**
     * @return what serves the name {@code name} of {@code family} now; one map read when something does
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public Served require(BackendFamily<?> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        Served served = slot == null ? null : slot.served();
        if (served != null) {
            return served; // published only for admitted names: a closed catalog unpublishes plugin names
        }
        return require(lookup(family, name));
    }

    /**
     * @return a lease on what serves {@code id} now
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public <B> BackendLease<B> lease(BackendId<B> id) {
        while (true) {
            NameSlot slot = slot(id);
            Served served = slot == null ? null : slot.served();
            OpenLease<B> lease = served == null ? null : OpenLease.take(slot, served);
            if (lease != null) {
                return lease;
            }
            if (served == null) {
                require(id); // throws what a lookup throws, unless something serves by now
            }
        }
    }

    /**
     * @return a lease on what serves the name {@code name} of {@code family} now
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a known name nothing serves
     */
    public <B> BackendLease<B> lease(BackendFamily<B> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        Served served = slot == null ? null : slot.served();
        OpenLease<B> lease = served == null ? null : OpenLease.take(slot, served);
        return lease != null ? lease : lease(lookup(family, name));
    }

    /** @return whether {@code id} is known: a catalog name, or a plugin name some provider offers */
    public boolean isKnown(BackendId<?> id) {
        NameSlot slot = slot(id);
        return slot != null && isKnown(slot);
    }

    /**
     * @return the id of the name {@code name} of {@code family}; a deprecated name gives its current id
     * @throws IllegalArgumentException for an unknown name
     */
    @SuppressWarnings("unchecked")
    public <B> BackendId<B> lookup(BackendFamily<B> family, String name) {
        NameSlot slot = name == null ? null : table(family).slot(name);
        if (slot != null && isKnown(slot)) {
            return (BackendId<B>) slot.id();
        }
        BackendId<B> id = family.catalogId(name)
                .orElseThrow(() -> new IllegalArgumentException(unknownMessage(family, name)));
        deprecations.nameUsed(family, name);
        return id;
    }

    /** @return the catalog of {@code family}, then the plugin names that have a provider, sorted */
    @SuppressWarnings("unchecked")
    public <B> List<BackendId<B>> names(BackendFamily<B> family) {
        List<BackendId<B>> names = new ArrayList<>();
        for (NameSlot slot : table(family).slots()) {
            if (isKnown(slot)) {
                names.add((BackendId<B>) slot.id());
            }
        }
        return names;
    }

    /** @throws IllegalArgumentException for a family this registry does not serve, naming it */
    FamilyTable table(BackendFamily<?> family) {
        int index = family == null ? -1 : family.index();
        FamilyTable table = index >= 0 && index < tables.length ? tables[index] : null;
        if (table == null || table.family() != family) {
            throw new IllegalArgumentException("Unknown backend family '" + family + "': this registry serves "
                    + families.stream().map(BackendFamily::displayName).collect(Collectors.joining(", ")));
        }
        return table;
    }

    private boolean isKnown(NameSlot slot) {
        return slot.id().isCatalog() || (slot.hasProviders() && slot.admitted(configuration.get()));
    }

    /** @return the seed's message for an unknown name, listing the catalog and the plugin names known now */
    String unknownMessage(BackendFamily<?> family, String name) {
        List<String> plugins = new ArrayList<>();
        for (BackendId<?> id : names(family)) {
            if (!id.isCatalog()) {
                plugins.add(id.name());
            }
        }
        return NameMessages.unknownName(family, name, plugins);
    }
}
