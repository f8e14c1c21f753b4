package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract of DESIGN.md §3 for one family, written as plainly as possible so that it is obviously
 * right: lists of providers and a sort, recomputed from scratch for every question. The model check
 * compares the real core with it after every operation.
 */
final class ContractModel {

    /** The catalog names the operation pools use; MY_KERNEL is the pools' plugin name. */
    static final Set<String> CATALOG = Set.of("FLASH_ATTN", "TRITON_ATTN", "CUSTOM");
    /** Deprecated spellings and the names they stand for. */
    static final Map<String, String> DEPRECATED = Map.of("FLASH_ATTN_VLLM_V1", "FLASH_ATTN");

    private static final Pattern VALID_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** How obtaining a provider's object goes. */
    enum Failure { NONE, RETURNS_NULL, THROWS }

    /** One provider candidate: a tracked service or a programmatic registration. */
    static final class Entry {
        final boolean registration;
        /** service.id, or the registration's position in the order of register calls */
        final long id;
        final String owner;
        final Object object;
        final Failure failure;
        Object nameValue;
        Object ranking;
        boolean isDefault;
        /** the name clearOverride set it aside from, while it stays an override of that name; else {@code null} */
        String setAsideFrom;

        Entry(boolean registration, long id, String owner, Object object, Failure failure) {
            this.registration = registration;
            this.id = id;
            this.owner = owner;
            this.object = object;
            this.failure = failure;
        }

        String className() {
            return object.getClass().getName();
        }

        int effectiveRanking() {
            return ranking instanceof Integer value ? value : 0;
        }

        @Override
        public String toString() {
            return (registration ? "registration " : isDefault ? "default " : "override ") + id + " of " + owner
                    + " name=" + (nameValue instanceof Object[] array ? Arrays.toString(array) : nameValue) + " ranking=" + ranking + " failure=" + failure
                    + (setAsideFrom != null ? " set-aside" : "");
        }
    }

    /** What the model expects for one name. */
    record Expected(boolean known, Entry server) {
    }

    final List<Entry> services = new ArrayList<>();
    final List<Entry> registrations = new ArrayList<>();
    final Map<String, String> pins = new HashMap<>();
    boolean pinFallback;
    /** the only symbolic-name prefix allowed to override, or {@code null} when every bundle may */
    String trustedPrefix;
    boolean catalogClosed;

    /** @return the name {@code entry} provides, or empty when it is no provider */
    Optional<String> providedName(Entry entry) {
        Object value = entry.nameValue instanceof Object[] array && array.length == 1 ? array[0] : entry.nameValue;
        if (!(value instanceof String name) || !VALID_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String current = DEPRECATED.getOrDefault(name, name);
        if (!admits(current)) {
            return Optional.empty();
        }
        return Optional.of(current);
    }

    boolean trusts(String owner) {
        return trustedPrefix == null || owner.startsWith(trustedPrefix);
    }

    /** The closed catalog filters every kind of provider, registrations included, as trust does. */
    boolean admits(String name) {
        return !catalogClosed || CATALOG.contains(name);
    }

    /** Sets aside the overrides of {@code name} and withdraws its registrations. */
    void clearOverride(String name) {
        for (Entry service : services) {
            if (!service.isDefault && providedName(service).filter(name::equals).isPresent()) {
                service.setAsideFrom = name;
            }
        }
        registrations.removeIf(registration -> registration.nameValue.equals(name));
    }

    /**
     * A set-aside service whose properties now make it a default, or an override of another name, takes
     * that new role; while it provides no name at all it stays aside.
     */
    void propertiesChanged(Entry entry) {
        Optional<String> name = providedName(entry);
        if (entry.setAsideFrom != null && name.isPresent()
                && (entry.isDefault || !name.get().equals(entry.setAsideFrom))) {
            entry.setAsideFrom = null;
        }
    }

    Expected expect(String name) {
        List<Entry> ranked = ranked(name);
        boolean known = CATALOG.contains(name) || !ranked.isEmpty();
        List<Entry> eligible = new ArrayList<>();
        for (Entry entry : ranked) {
            boolean setAside = !entry.registration && entry.setAsideFrom != null;
            boolean denied = !entry.isDefault && !trusts(entry.owner);
            if (!setAside && !denied) {
                eligible.add(entry);
            }
        }
        List<Entry> order = eligible;
        String pin = pins.get(name);
        if (pin != null) {
            // rule 1 is a band like rules 2-4: every provider the pin matches outranks the others, so when
            // the best of them cannot be obtained the next one the pin matches serves
            List<Entry> matching = eligible.stream()
                    .filter(entry -> entry.owner.equals(pin) || entry.className().equals(pin)).toList();
            if (matching.isEmpty() && !pinFallback) {
                return new Expected(known, null);
            }
            order = new ArrayList<>(matching);
            eligible.stream().filter(entry -> !matching.contains(entry)).forEach(order::add);
        }
        Entry server = order.stream().filter(entry -> entry.failure == Failure.NONE).findFirst().orElse(null);
        return new Expected(known, server);
    }

    /** Every provider of {@code name} in precedence order, before the operator's decisions. */
    private List<Entry> ranked(String name) {
        List<Entry> ranked = new ArrayList<>();
        registrations.stream().filter(entry -> providedName(entry).filter(name::equals).isPresent())
                .sorted(Comparator.comparingLong((Entry entry) -> entry.id).reversed()).forEach(ranked::add);
        Comparator<Entry> byRanking = Comparator.comparingInt((Entry entry) -> -entry.effectiveRanking())
                .thenComparingLong(entry -> entry.id);
        for (boolean defaults : new boolean[] { false, true }) {
            services.stream().filter(entry -> entry.isDefault == defaults)
                    .filter(entry -> providedName(entry).filter(name::equals).isPresent())
                    .sorted(byRanking).forEach(ranked::add);
        }
        return ranked;
    }
}
