package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;

/**
 * The names of one family: an array of slots indexed by catalog ordinal (the lookup fast path), a map
 * of every slot by name, and the services set aside by {@code clearOverride}. Changes happen under
 * {@link #lock}; lookups read without it.
 */
final class FamilyTable {

    final Object lock = new Object();
    private final BackendFamily<?> family;
    private final NameSlot[] catalog;
    /** the enum class of the catalog ids, so that a lookup recognises one without calling into it */
    private final Class<?> catalogClass;
    private final ConcurrentHashMap<String, NameSlot> byName = new ConcurrentHashMap<>();
    /** service ids set aside by clearOverride, with the name they were set aside from; guarded by {@link #lock} */
    private final Map<Long, BackendId<?>> setAside = new HashMap<>();
    /** the ids of {@link #setAside}, as the candidate order reads them */
    final Set<Long> setAsideServices = setAside.keySet();
    /** every tracked service, provider or not; guarded by {@link #lock} */
    final Set<TrackedService> services = new LinkedHashSet<>();

    FamilyTable(BackendFamily<?> family) {
        this.family = family;
        List<? extends BackendId<?>> ids = family.catalog();
        this.catalog = new NameSlot[ids.size()];
        this.catalogClass = ids.isEmpty() ? null : ids.get(0).getClass();
        for (int i = 0; i < ids.size(); i++) {
            catalog[i] = new NameSlot(ids.get(i));
            byName.put(ids.get(i).name(), catalog[i]);
        }
    }

    /** Sets an override service of {@code id} aside; call with {@link #lock} held. @return whether it was not yet */
    boolean setAside(long serviceId, BackendId<?> id) {
        return setAside.put(serviceId, id) == null;
    }

    /**
     * Keeps a service set aside only while it is an override of the name it was set aside from: as a
     * default, or under another name, it takes its new role. Call with {@link #lock} held.
     */
    void keepSetAsideOnlyAs(long serviceId, BackendId<?> id, ProviderKind kind) {
        BackendId<?> asideAs = setAside.get(serviceId);
        if (asideAs != null && (kind != ProviderKind.OVERRIDE || !asideAs.equals(id))) {
            setAside.remove(serviceId);
        }
    }

    BackendFamily<?> family() {
        return family;
    }

    /** @return the slot of {@code id}, or {@code null} for a plugin name nothing provides; lock-free */
    NameSlot slot(BackendId<?> id) {
        NameSlot slot = catalogSlot(id);
        return slot != null ? slot : byName.get(id.name());
    }

    /**
     * The lookup fast path: a class comparison and an array read.
     *
     * @return the slot of a catalog id of this family, or {@code null} for any other id
     */
    NameSlot catalogSlot(BackendId<?> id) {
        return id.getClass() == catalogClass ? catalog[((Enum<?>) id).ordinal()] : null;
    }

    /** @return the slot named {@code name}, or {@code null}; lock-free */
    NameSlot slot(String name) {
        return byName.get(name);
    }

    /** @return the slot of {@code id}, created for a plugin name; call with {@link #lock} held */
    NameSlot slotForUpdate(BackendId<?> id) {
        return byName.computeIfAbsent(id.name(), name -> new NameSlot(id));
    }

    /** Forgets a plugin name nothing provides any more; call with {@link #lock} held. */
    void forgetIfUnused(NameSlot slot) {
        if (!slot.id().isCatalog() && !slot.hasProviders() && slot.served() == null) {
            byName.remove(slot.id().name(), slot);
        }
    }

    /** @return every slot: catalog first in declaration order, then plugin names sorted */
    List<NameSlot> slots() {
        List<NameSlot> slots = new ArrayList<>(List.of(catalog));
        byName.values().stream().filter(slot -> !slot.id().isCatalog())
                .sorted(Comparator.comparing(slot -> slot.id().name())).forEach(slots::add);
        return slots;
    }
}
