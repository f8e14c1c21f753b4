package org.backendregistry.internal.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.BackendId;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.ContractModel.Entry;
import org.backendregistry.internal.core.ContractModel.Failure;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.backendregistry.mamba.MambaBackendId;

/**
 * Applies one random operation at a time to the real core and to the {@link ContractModel}. The
 * operation's numbers are reduced modulo the size of each pool, so that any list of numbers is a
 * valid sequence and shrinking keeps it valid. {@link ModelAgreement} then compares the two.
 */
final class ModelCheck {

    static final List<String> CHECKED_NAMES = List.of("FLASH_ATTN", "TRITON_ATTN", "CUSTOM", "MY_KERNEL");
    /** backend.name values: valid names, a deprecated one, and values that make a service no provider */
    private static final List<Object> NAME_VALUES = List.of("FLASH_ATTN", "TRITON_ATTN", "CUSTOM", "MY_KERNEL",
            "FLASH_ATTN", "MY_KERNEL", "FLASH_ATTN_VLLM_V1", new String[] { "MY_KERNEL" }, "flash_attn", "", 5,
            new String[] { "FLASH_ATTN", "CUSTOM" });
    private static final List<String> OWNERS = List.of(CoreFixture.DEFAULTS.symbolicName(),
            CoreFixture.PLUGIN.symbolicName(), "com.other.kernels");
    /** service.ranking values; a String or Long counts as 0 */
    private static final List<Object> RANKINGS = List.of(0, 1, -1, 5, 5, "7", 7L);
    private static final List<String> PIN_TARGETS = List.of(OWNERS.get(0), OWNERS.get(1), OWNERS.get(2),
            OverrideA.class.getName(), Registered.class.getName(), "com.absent.bundle");
    private static final List<String> TRUST_PREFIXES = List.of("com.example.", "org.backendregistry.", "com.other.");

    /** One operation: what to do ({@code kind}) and the choices it makes. */
    record Step(int kind, int a, int b, int c) {
        static final int KINDS = 12;
    }

    /** What a failing activate throws; without a stack trace, as it is thrown hundreds of thousands of times. */
    static final class ActivationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ActivationFailure() {
            super("activate failed", null, false, false);
        }
    }

    /** A tracked service on both sides. */
    record Live(FakeService fake, TrackedService tracked, Entry entry) {
    }

    /** A programmatic registration on both sides. */
    record Registration(Object handle, Entry entry) {
    }

    final CoreFixture fixture = new CoreFixture();
    final RegistryCore core = fixture.core;
    final ContractModel model = new ContractModel();
    final List<Live> live = new ArrayList<>();
    final Map<FakeService, Entry> everTracked = new HashMap<>();
    final List<Registration> registrations = new ArrayList<>();
    final List<String> history = new ArrayList<>();
    private long registrationSequence;

    void apply(Step step) {
        switch (step.kind() % Step.KINDS) {
            case 0, 1, 2 -> track(step);
            case 3 -> untrack(step.a());
            case 4 -> modify(step.a(), "service.ranking", RANKINGS.get(step.b() % RANKINGS.size()));
            case 5 -> modify(step.a(), "backend.name", NAME_VALUES.get(step.b() % NAME_VALUES.size()));
            case 6 -> modify(step.a(), "backend.default", step.b() % 2 == 0 ? Boolean.TRUE : null);
            case 7 -> configure(step);
            case 8 -> clearOverride(CHECKED_NAMES.get(step.a() % CHECKED_NAMES.size()));
            case 9, 10 -> register(step);
            default -> unregister(step.a());
        }
    }

    private void track(Step step) {
        int failurePick = step.c() % 10;
        Failure failure = failurePick == 0 ? Failure.RETURNS_NULL : failurePick == 1 ? Failure.THROWS : Failure.NONE;
        Object object = switch (step.c() % 3) {
            case 0 -> new DefaultImpl("X");
            case 1 -> new OverrideA("X");
            default -> new OverrideB("X");
        };
        FakeService fake = new FakeService(object);
        if (failure == Failure.RETURNS_NULL) {
            fake.failingWith(() -> null);
        } else if (failure == Failure.THROWS) {
            fake.failingWith(() -> {
                throw new ActivationFailure();
            });
        }
        String owner = OWNERS.get(step.b() % OWNERS.size());
        Entry entry = new Entry(false, fake.serviceId, owner, object, failure);
        entry.nameValue = NAME_VALUES.get(step.a() % NAME_VALUES.size());
        entry.ranking = RANKINGS.get(step.b() % RANKINGS.size());
        entry.isDefault = step.c() % 4 == 0;
        fake.properties.put("backend.name", entry.nameValue);
        fake.properties.put("service.ranking", entry.ranking);
        fake.properties.put("component.name", object.getClass().getName());
        if (entry.isDefault) {
            fake.properties.put("backend.default", Boolean.TRUE);
        }
        history.add("track " + entry);
        TrackedService tracked = core.track(AttentionBackendId.FAMILY, fake.serviceId,
                new Owner(OWNERS.indexOf(owner) + 1, owner, "1.0.0"), fake.properties::get, fake);
        model.services.add(entry);
        live.add(new Live(fake, tracked, entry));
        everTracked.put(fake, entry);
    }

    private void untrack(int pick) {
        if (live.isEmpty()) {
            return;
        }
        Live gone = live.remove(pick % live.size());
        history.add("untrack " + gone.entry());
        core.untrack(gone.tracked());
        model.services.remove(gone.entry());
    }

    private void modify(int pick, String key, Object value) {
        if (live.isEmpty()) {
            return;
        }
        Live changed = live.get(pick % live.size());
        Entry entry = changed.entry();
        switch (key) {
            case "service.ranking" -> entry.ranking = value;
            case "backend.name" -> entry.nameValue = value;
            default -> entry.isDefault = value != null;
        }
        if (value == null) {
            changed.fake().properties.remove(key);
        } else {
            changed.fake().properties.put(key, value);
        }
        model.propertiesChanged(entry);
        history.add("modify " + key + " -> " + describe(value) + ": " + entry);
        core.modified(changed.tracked(), changed.fake().properties::get);
    }

    private void configure(Step step) {
        Map<String, Object> properties = new HashMap<>();
        model.pins.clear();
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < step.a() % 3; i++) {
            String name = CHECKED_NAMES.get((step.a() / 3 + i) % CHECKED_NAMES.size());
            String target = PIN_TARGETS.get((step.b() + i) % PIN_TARGETS.size());
            if (!model.pins.containsKey(name)) {
                model.pins.put(name, target);
                pins.add(name + "=" + target);
            }
        }
        if (!pins.isEmpty()) {
            properties.put(RegistryConfiguration.PINS, pins.toArray(new String[0]));
        }
        model.pinFallback = step.b() % 2 == 1;
        properties.put(RegistryConfiguration.PIN_FALLBACK, model.pinFallback);
        int trust = step.c() % 6;
        model.trustedPrefix = trust < TRUST_PREFIXES.size() ? TRUST_PREFIXES.get(trust) : null;
        if (model.trustedPrefix != null) {
            properties.put(RegistryConfiguration.TRUSTED_BUNDLES, model.trustedPrefix + "*");
        }
        model.catalogClosed = step.c() % 7 == 0;
        properties.put(RegistryConfiguration.CATALOG_CLOSED, model.catalogClosed);
        history.add("configure " + properties.entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue()))
                .toList());
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
        // opening the catalog can give a set-aside service a new name to provide
        model.services.forEach(model::propertiesChanged);
    }

    private void clearOverride(String name) {
        history.add("clearOverride " + name);
        core.clearOverride(id(name));
        model.clearOverride(name);
    }

    private void register(Step step) {
        String name = CHECKED_NAMES.get(step.a() % CHECKED_NAMES.size());
        String owner = OWNERS.get(step.b() % OWNERS.size());
        Object instance = step.c() % 2 == 0 ? new Registered() : new OverrideA("X");
        Entry entry = new Entry(true, registrationSequence + 1, owner, instance, Failure.NONE);
        entry.nameValue = name;
        history.add("register " + entry);
        Class<? extends RuntimeException> refusal = !model.admits(name) ? IllegalArgumentException.class
                : !model.trusts(owner) ? IllegalStateException.class : null;
        Object handle;
        try {
            handle = core.register(id(name), instance, new Owner(OWNERS.indexOf(owner) + 1, owner, "1.0.0"));
        } catch (RuntimeException e) {
            if (refusal == null || !refusal.isInstance(e)) {
                throw new AssertionError("register threw " + e + ", expected " + refusal + "\n" + history(), e);
            }
            return;
        }
        if (refusal != null) {
            throw new AssertionError("register succeeded, expected " + refusal.getSimpleName() + "\n" + history());
        }
        registrationSequence++;
        model.registrations.add(entry);
        registrations.add(new Registration(handle, entry));
    }

    /** Closes a registration, possibly one already withdrawn or closed: that must do nothing. */
    private void unregister(int pick) {
        if (registrations.isEmpty()) {
            return;
        }
        Registration closed = registrations.get(pick % registrations.size());
        history.add("close " + closed.entry());
        core.unregister(closed.handle());
        model.registrations.remove(closed.entry());
    }

    static BackendId<?> id(String name) {
        return ContractModel.CATALOG.contains(name) ? AttentionBackendId.valueOf(name) : AttentionBackendId.FAMILY.id(name);
    }

    String history() {
        StringBuilder text = new StringBuilder("operations so far:");
        for (int i = 0; i < history.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(history.get(i));
        }
        return text.toString();
    }

    private static String describe(Object value) {
        return value instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(value);
    }
}
