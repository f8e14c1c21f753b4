package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * A seeded random sequence of registrations, property changes, clearOverride calls and programmatic
 * registrations against the real registry, each step checked against a small model of the precedence
 * rules of DESIGN.md §3. The seed is printed; {@code -Dregistry.seed=N} replays a sequence.
 */
@ExamReactorStrategy(PerClass.class)
public class RandomizedRegistryIT extends BackendRegistryTestSupport {

    private static final int OPERATIONS = 600;
    /** Beyond this many live services the sequence prefers withdrawing one, so that names stay contested. */
    private static final int CROWDED = 10;
    /** Two catalog names with a default each, and a plugin name that is known only while it has providers. */
    private static final List<String> NAMES = List.of("FLASH_ATTN", "TRITON_ATTN", "RANDOM_ATTN");
    /** Ties are frequent on purpose, so that the service id decides often. */
    private static final Integer[] RANKINGS = {null, -1, 0, 0, 3, 3, 7};

    private static final int WRITERS = 3;
    private static final int READERS = 2;
    private static final int ROUNDS = 80;
    private static final int OPERATIONS_PER_ROUND = 8;
    private static final long JOIN_BOUND_MS = 60_000;

    @Inject
    private BackendRegistryRuntime runtime;

    private final Object registering = new Object();

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    @Test
    public void aRandomSequenceOfOperationsAlwaysLeavesTheProviderTheModelExpectsServing() {
        long seed = Long.getLong("registry.seed", new Random().nextLong());
        System.out.println("RandomizedRegistryIT seed " + seed + " (replay with -Dregistry.seed=" + seed + ")");
        Model model = new Model();
        for (String name : NAMES) {
            model.adoptPresentProviders(nameDto(name));
        }
        Random random = new Random(seed);
        Deque<String> recent = new ArrayDeque<>();
        try {
            for (int step = 0; step < OPERATIONS; step++) {
                String operation = perform(random, model);
                recent.addLast(step + ": " + operation);
                if (recent.size() > 12) {
                    recent.removeFirst();
                }
                String context = "seed " + seed + ", after step " + step + "; last operations: " + recent + "; ";
                for (String name : NAMES) {
                    assertAgrees(model, name, context);
                }
            }
        } finally {
            model.registrations.stream().filter(p -> p.handle != null).forEach(p -> p.handle.close());
        }
        System.out.println("RandomizedRegistryIT seed " + seed + ": " + OPERATIONS + " operations agreed with the model ("
                + model.counts + ")");
    }

    /**
     * Several writer threads register, change, unregister and close their own providers at once while
     * readers look the names up without pause. After each round (a quiescent point) the registry agrees
     * with the model; no reader ever got an object whose withdrawal had returned before its lookup began.
     */
    @Test
    public void operationsFromSeveralThreadsAgreeWithTheModelAtEveryQuiescentPointAndNoReaderSeesAWithdrawnObject()
            throws Exception {
        long seed = Long.getLong("registry.seed", new Random().nextLong());
        System.out.println("RandomizedRegistryIT concurrent seed " + seed + " (replay with -Dregistry.seed=" + seed + ")");
        Model model = new Model();
        for (String name : NAMES) {
            model.adoptPresentProviders(nameDto(name));
        }
        Withdrawals withdrawals = new Withdrawals();
        List<Thread> readers = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        for (int r = 0; r < READERS; r++) {
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (String name : NAMES) {
                        withdrawals.lookUp(() -> registry.backend(AttentionBackendId.FAMILY, name), name);
                    }
                }
            }, "reader-" + r);
            reader.start();
            readers.add(reader);
        }
        List<List<ModelProvider>> owned = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            owned.add(new ArrayList<>());
        }
        Random rounds = new Random(seed);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Thread> writers = new ArrayList<>();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Random random = new Random(rounds.nextLong());
                    List<ModelProvider> mine = owned.get(w);
                    Thread writer = new Thread(() -> {
                        try {
                            for (int op = 0; op < OPERATIONS_PER_ROUND; op++) {
                                performConcurrently(random, model, mine, withdrawals);
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }, "writer-" + w);
                    writer.start();
                    writers.add(writer);
                }
                for (Thread writer : writers) {
                    writer.join(JOIN_BOUND_MS);
                    assertFalse("a writer is stuck: " + writer.getName(), writer.isAlive());
                }
                assertEquals("seed " + seed + ", round " + round + ": writers failed", List.of(), failures);
                if (rounds.nextInt(4) == 0) {
                    String name = pick(rounds, NAMES);
                    registry.clearOverride(AttentionBackendId.FAMILY.id(name));
                    model.clearOverride(name);
                }
                for (String name : NAMES) {
                    assertAgrees(model, name, "seed " + seed + ", round " + round + ": ");
                }
            }
        } finally {
            reading.set(false);
            for (Thread reader : readers) {
                reader.join(JOIN_BOUND_MS);
            }
            model.registrations.stream().filter(p -> p.handle != null).forEach(p -> p.handle.close());
            owned.stream().flatMap(List::stream).filter(p -> p.service != null).forEach(p -> p.service.unregister());
        }
        assertEquals("seed " + seed + ": lookups that returned an object withdrawn before they began",
                List.of(), withdrawals.violations);
        assertTrue("the readers looked up names (" + withdrawals.lookups + ")", withdrawals.lookups.sum() > 0);
        System.out.println("RandomizedRegistryIT concurrent seed " + seed + ": " + ROUNDS + " rounds of " + WRITERS
                + " writers agreed with the model; " + withdrawals.lookups.sum() + " lookups during them");
    }

    /** One writer's operation on its own providers; the model is updated under its monitor. */
    private void performConcurrently(Random random, Model model, List<ModelProvider> mine, Withdrawals withdrawals) {
        int dice = random.nextInt(100);
        List<ModelProvider> services = mine.stream().filter(p -> !p.registration).toList();
        List<ModelProvider> handles = mine.stream().filter(p -> p.registration).toList();
        if (dice < 30 || services.isEmpty() && dice < 50) {
            String name = pick(random, NAMES);
            Integer ranking = pick(random, RANKINGS);
            boolean isDefault = random.nextInt(4) == 0;
            TestAttentionBackend backend = new TestAttentionBackend(name, Thread.currentThread().getName());
            ServiceRegistration<AttentionBackend> registration = bundleContext.registerService(AttentionBackend.class,
                    backend, serviceProperties(name, ranking, isDefault));
            ModelProvider service = new ModelProvider(name, false, isDefault, ranking == null ? 0 : ranking,
                    serviceId(registration), backend, registration, null);
            mine.add(service);
            synchronized (model) {
                model.services.add(service);
            }
        } else if (dice < 50 && !services.isEmpty()) {
            ModelProvider service = pick(random, services);
            service.service.unregister();
            withdrawals.withdrawn(service.object);
            mine.remove(service);
            synchronized (model) {
                model.services.remove(service);
                model.setAside.remove(service.id);
            }
        } else if (dice < 70 && !services.isEmpty()) {
            ModelProvider service = pick(random, services);
            String name = pick(random, NAMES);
            Integer ranking = pick(random, RANKINGS);
            boolean isDefault = random.nextInt(4) == 0;
            synchronized (model) {
                // under the model's monitor: a quiescent check never sees the model half-changed
                service.service.setProperties(serviceProperties(name, ranking, isDefault));
                service.name = name;
                service.ranking = ranking == null ? 0 : ranking;
                service.isDefault = isDefault;
                model.propertiesChanged(service);
            }
        } else if (dice < 88) {
            String name = pick(random, NAMES);
            BackendId<AttentionBackend> id = AttentionBackendId.FAMILY.id(name);
            ModelProvider registration;
            synchronized (registering) {
                // one register call at a time, so that the newest registration of the name is this one and
                // tells its sequence number; everything else goes on meanwhile
                BackendRegistration handle = registry.register(id, TestAttentionBackend.class);
                BackendProvider provider = registry.serving(id).orElseThrow();
                registration = new ModelProvider(name, true, false, 0, provider.id(), registry.backend(id), null, handle);
            }
            mine.add(registration);
            synchronized (model) {
                model.addRegistration(registration);
            }
        } else if (!handles.isEmpty()) {
            ModelProvider registration = pick(random, handles);
            registration.handle.close();
            withdrawals.withdrawn(registration.object);
            mine.remove(registration);
            synchronized (model) {
                registration.open = false;
            }
        }
    }

    /** Performs one random operation on the registry and the model alike; @return what it did */
    private String perform(Random random, Model model) {
        int dice = random.nextInt(100);
        List<ModelProvider> services = model.liveServices();
        if (services.size() > CROWDED && dice < 40) {
            dice = 40; // withdraw one
        }
        if (dice < 30 || services.isEmpty() && dice < 60) {
            String name = pick(random, NAMES);
            Integer ranking = pick(random, RANKINGS);
            boolean isDefault = random.nextInt(4) == 0;
            int number = model.counts.merge("service", 1, Integer::sum);
            TestAttentionBackend backend = new TestAttentionBackend(name, "service #" + number);
            ServiceRegistration<AttentionBackend> registration = bundleContext.registerService(AttentionBackend.class,
                    backend, serviceProperties(name, ranking, isDefault));
            unregisterAfterTest(registration);
            model.services.add(new ModelProvider(name, false, isDefault, ranking == null ? 0 : ranking,
                    serviceId(registration), backend, registration, null));
            return "register " + describe(name, ranking, isDefault) + " as service " + serviceId(registration);
        }
        if (dice < 45 && !services.isEmpty()) {
            ModelProvider service = pick(random, services);
            service.service.unregister();
            model.services.remove(service);
            model.setAside.remove(service.id);
            model.counts.merge("unregister", 1, Integer::sum);
            return "unregister service " + service.id;
        }
        if (dice < 65 && !services.isEmpty()) {
            ModelProvider service = pick(random, services);
            String name = pick(random, NAMES);
            Integer ranking = pick(random, RANKINGS);
            boolean isDefault = random.nextInt(4) == 0;
            service.service.setProperties(serviceProperties(name, ranking, isDefault));
            service.name = name;
            service.ranking = ranking == null ? 0 : ranking;
            service.isDefault = isDefault;
            model.propertiesChanged(service);
            model.counts.merge("setProperties", 1, Integer::sum);
            return "change service " + service.id + " to " + describe(name, ranking, isDefault);
        }
        if (dice < 73) {
            String name = pick(random, NAMES);
            registry.clearOverride(AttentionBackendId.FAMILY.id(name));
            model.clearOverride(name);
            model.counts.merge("clearOverride", 1, Integer::sum);
            return "clearOverride " + name;
        }
        if (dice < 88) {
            String name = pick(random, NAMES);
            BackendId<AttentionBackend> id = AttentionBackendId.FAMILY.id(name);
            BackendRegistration handle = registry.register(id, TestAttentionBackend.class);
            // the newest registration serves at once: that is how the test learns its object and sequence
            BackendProvider provider = registry.serving(id)
                    .orElseThrow(() -> new AssertionError("nothing serves " + name + " right after register"));
            assertEquals(provider.toString(), BackendProvider.Origin.REGISTRATION, provider.origin());
            AttentionBackend object = registry.backend(id);
            assertFalse("register(" + name + ") served an object seen before: " + object, model.knows(object));
            model.registrations.add(new ModelProvider(name, true, false, 0, provider.id(), object, null, handle));
            model.counts.merge("register", 1, Integer::sum);
            return "register(" + name + ", TestAttentionBackend.class) as registration " + provider.id();
        }
        List<ModelProvider> handles = model.registrations;
        if (handles.isEmpty()) {
            return "nothing to close";
        }
        ModelProvider registration = pick(random, handles);
        registration.handle.close();
        boolean wasOpen = registration.open;
        registration.open = false;
        model.counts.merge("close", 1, Integer::sum);
        return "close registration " + registration.id + (wasOpen ? "" : " again");
    }

    private void assertAgrees(Model model, String name, String context) {
        BackendId<AttentionBackend> id = AttentionBackendId.FAMILY.id(name);
        Optional<ModelProvider> expected = model.winner(name);
        Optional<BackendProvider> serving = registry.serving(id);
        String what = context + name + ": expected " + expected.map(Object::toString).orElse("nothing")
                + ", registry serves "
                + serving.map(p -> p.origin() + " " + p.id() + " " + p).orElse("nothing");
        boolean known = !model.providersOf(name).isEmpty();
        assertEquals(what + " (names)", known, registry.names(AttentionBackendId.FAMILY).contains(id));
        if (expected.isEmpty()) {
            assertTrue(what, serving.isEmpty());
            assertFalse(what + " (isOverridden)", registry.isOverridden(id));
            RuntimeException error = assertThrows(what, RuntimeException.class, () -> registry.backend(id));
            Class<?> expectedError = known ? IllegalStateException.class : IllegalArgumentException.class;
            assertEquals(what + " (the error of backend(): " + error + ")", expectedError, error.getClass());
        } else {
            ModelProvider winner = expected.get();
            assertTrue(what, serving.isPresent());
            assertEquals(what + " (origin)", winner.registration ? BackendProvider.Origin.REGISTRATION
                    : BackendProvider.Origin.SERVICE, serving.get().origin());
            assertEquals(what + " (id)", winner.id, serving.get().id());
            assertEquals(what + " (isOverridden)", !winner.isDefault, registry.isOverridden(id));
            AttentionBackend object = registry.backend(id);
            if (winner.object != null) {
                assertSame(what + " (the object)", winner.object, object);
            } else {
                assertEquals(what + " (the class)", winner.className, object.getClass().getName());
            }
        }
        assertRuntimeViewAgrees(model, name, expected, what);
    }

    /** Every provider the model knows of is in the runtime view: the one that serves, the others with why not. */
    private void assertRuntimeViewAgrees(Model model, String name, Optional<ModelProvider> expected, String what) {
        NameDTO dto = nameDto(name);
        List<ModelProvider> providers = model.providersOf(name);
        if (providers.isEmpty() && dto == null) {
            return;
        }
        assertNotNull(what + " (no runtime entry)", dto);
        if (expected.isPresent()) {
            assertNotNull(what + " (runtime: nothing serving)", dto.serving);
            assertEquals(what + " (runtime serving id)", expected.get().id, dto.serving.id);
        } else {
            assertNull(what + " (runtime serving)", dto.serving);
            assertNotNull(what + " (runtime: no problem stated)", dto.problem);
        }
        Map<String, NotServingReason> actual = new HashMap<>();
        for (NotServingDTO loser : dto.notServing) {
            actual.put(loser.provider.origin + " " + loser.provider.id, loser.reason);
        }
        Map<String, NotServingReason> wanted = new HashMap<>();
        for (ModelProvider provider : providers) {
            if (expected.isEmpty() || provider != expected.get()) {
                wanted.put((provider.registration ? "REGISTRATION " : "SERVICE ") + provider.id,
                        model.setAside.containsKey(provider.id) && !provider.registration ? NotServingReason.SET_ASIDE
                                : NotServingReason.SHADOWED);
            }
        }
        assertEquals(what + " (runtime: the providers that do not serve, with why)", wanted, actual);
    }

    private NameDTO nameDto(String name) {
        for (NameDTO dto : runtime.getRuntimeDTO().names) {
            if (dto.family.equals(AttentionBackendId.FAMILY.displayName()) && dto.name.equals(name)) {
                return dto;
            }
        }
        return null;
    }

    private static Dictionary<String, Object> serviceProperties(String name, Integer ranking,
            boolean isDefault) {
        Dictionary<String, Object> properties = properties(name, ranking);
        if (isDefault) {
            properties.put(BackendConstants.BACKEND_DEFAULT, Boolean.TRUE);
        }
        return properties;
    }

    private static String describe(String name, Integer ranking, boolean isDefault) {
        return name + " ranking " + ranking + (isDefault ? " default" : "");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** What the contract says serves each name, kept beside the real registry. */
    private static final class Model {
        final List<ModelProvider> services = new ArrayList<>();
        /** Programmatic registrations in the order they were made, open or not. */
        final List<ModelProvider> registrations = new ArrayList<>();
        /** set-aside services, with the name they were set aside from */
        final Map<Long, String> setAside = new HashMap<>();
        final Map<String, Integer> counts = new TreeMap<>();

        /** Takes the providers the framework started with (the defaults of the backend bundles) as they are. */
        void adoptPresentProviders(NameDTO dto) {
            if (dto == null) {
                return;
            }
            List<ProviderDTO> present = new ArrayList<>();
            if (dto.serving != null) {
                present.add(dto.serving);
            }
            for (NotServingDTO loser : dto.notServing) {
                present.add(loser.provider);
            }
            for (ProviderDTO provider : present) {
                assertEquals("the test expects only services at its start: " + provider, "SERVICE", provider.origin);
                ModelProvider adopted = new ModelProvider(dto.name, false, provider.isDefault, provider.ranking,
                        provider.id, null, null, null);
                adopted.className = provider.className;
                services.add(adopted);
            }
        }

        List<ModelProvider> liveServices() {
            return services.stream().filter(s -> s.service != null).toList();
        }

        List<ModelProvider> providersOf(String name) {
            List<ModelProvider> providers = new ArrayList<>();
            services.stream().filter(s -> s.name.equals(name)).forEach(providers::add);
            registrations.stream().filter(r -> r.open && r.name.equals(name)).forEach(providers::add);
            return providers;
        }

        /** Registrations newest first; then overrides, then defaults, each by ranking desc and service id asc. */
        Optional<ModelProvider> winner(String name) {
            for (int i = registrations.size() - 1; i >= 0; i--) {
                ModelProvider registration = registrations.get(i);
                if (registration.open && registration.name.equals(name)) {
                    return Optional.of(registration);
                }
            }
            Comparator<ModelProvider> order = Comparator.<ModelProvider>comparingInt(s -> s.isDefault ? 1 : 0)
                    .thenComparing(Comparator.comparingInt((ModelProvider s) -> s.ranking).reversed())
                    .thenComparingLong(s -> s.id);
            return services.stream()
                    .filter(s -> s.name.equals(name) && !setAside.containsKey(s.id))
                    .min(order);
        }

        /** Withdraws the name's registrations and sets its override services aside. */
        void clearOverride(String name) {
            for (ModelProvider registration : registrations) {
                if (registration.name.equals(name)) {
                    registration.open = false;
                }
            }
            for (ModelProvider service : services) {
                if (service.name.equals(name) && !service.isDefault) {
                    setAside.put(service.id, name);
                }
            }
        }

        /** A set-aside service whose properties make it a default, or move it to another name, takes that role. */
        void propertiesChanged(ModelProvider service) {
            String asideFrom = setAside.get(service.id);
            if (asideFrom != null && (service.isDefault || !service.name.equals(asideFrom))) {
                setAside.remove(service.id);
            }
        }

        /** Adds a registration where its sequence number puts it: the newest serves first. */
        void addRegistration(ModelProvider registration) {
            int at = registrations.size();
            while (at > 0 && registrations.get(at - 1).id > registration.id) {
                at--;
            }
            registrations.add(at, registration);
        }

        boolean knows(Object object) {
            return services.stream().anyMatch(s -> s.object == object)
                    || registrations.stream().anyMatch(r -> r.object == object);
        }
    }

    /** One provider as the model sees it; services the test registered can change. */
    private static final class ModelProvider {
        String name;
        final boolean registration;
        boolean isDefault;
        int ranking;
        final long id;
        final Object object;
        final ServiceRegistration<AttentionBackend> service;
        final BackendRegistration handle;
        boolean open = true;
        String className;

        ModelProvider(String name, boolean registration, boolean isDefault, int ranking, long id, Object object,
                ServiceRegistration<AttentionBackend> service, BackendRegistration handle) {
            this.name = name;
            this.registration = registration;
            this.isDefault = isDefault;
            this.ranking = ranking;
            this.id = id;
            this.object = object;
            this.service = service;
            this.handle = handle;
        }

        @Override
        public String toString() {
            return (registration ? "REGISTRATION " : "SERVICE ") + id + " (" + name + (registration ? ""
                    : ", ranking " + ranking + (isDefault ? ", default" : "")) + (object == null ? ", " + className : "")
                    + ")";
        }
    }

    /**
     * A logical clock of withdrawals: each withdrawn object is stamped once its unregister() or close()
     * has returned; a lookup that read the clock before it began must not return an object stamped at or
     * before that reading.
     */
    private static final class Withdrawals {
        final AtomicLong clock = new AtomicLong();
        final Map<Object, Long> withdrawnAt = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final LongAdder lookups = new LongAdder();

        void withdrawn(Object object) {
            withdrawnAt.put(object, clock.incrementAndGet());
        }

        void lookUp(Supplier<Object> lookup, String name) {
            long began = clock.get();
            Object object;
            try {
                object = lookup.get();
            } catch (RuntimeException nothingServes) {
                return;
            }
            lookups.increment();
            Long stamp = withdrawnAt.get(object);
            if (stamp != null && stamp <= began && violations.size() < 10) {
                violations.add(name + " returned " + object + ", withdrawn at " + stamp + " before the lookup began at "
                        + began);
            }
        }
    }
}
