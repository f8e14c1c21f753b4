package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.itests.failing.UnactivatableAttentionBackend;
import org.backendregistry.itests.failing.UnactivatableBackendBundle;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Bad service properties and failing providers, listeners and bundles: the registry keeps serving the
 * valid providers, shows each problem with its reason in the runtime view or the log, and loses
 * nothing valid.
 */
@ExamReactorStrategy(PerClass.class)
public class FaultyProvidersIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final AttentionBackendId TRITON_ATTN = AttentionBackendId.TRITON_ATTN;
    /** Ranked above every default, so that a faulty service taken for a provider would be noticed. */
    private static final int HIGH_RANKING = 1_000;

    @Inject
    private BackendRegistryRuntime runtime;

    private LogCapture log;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), UnactivatableBackendBundle.built());
    }

    @Before
    public void captureTheRegistryLog() {
        log = LogCapture.attach("org.backendregistry.registry");
    }

    @After
    public void stopCapturing() {
        log.close();
    }

    // ---- bad backend.name values ----

    @Test
    public void aBackendNamePaddedWithWhitespaceIsNotAProviderAndTheRuntimeViewSuggestsTheValidSpelling() {
        ServiceRegistration<AttentionBackend> registration = registerAttentionService(
                new TestAttentionBackend("FLASH_ATTN", "padded"), " FLASH_ATTN ", HIGH_RANKING);

        FailedServiceDTO failure = failedService(registration);
        assertEquals(failure.toString(), FailureReason.INVALID_NAME, failure.reason);
        assertTrue(failure.toString(), failure.value.contains("' FLASH_ATTN '"));
        assertTrue(failure.toString(), failure.detail.contains("did you mean 'FLASH_ATTN'"));
        assertLogged(registration, "' FLASH_ATTN '");
        assertEveryDefaultServes();

        registration.unregister();
        assertTrue(failedServices().isEmpty());
        assertEveryDefaultServes();
    }

    @Test
    public void anEmptyArrayBackendNameIsNotAProviderAndTheRuntimeViewSaysItNamesNoBackend() {
        ServiceRegistration<AttentionBackend> registration = registerAttentionService(
                new TestAttentionBackend("FLASH_ATTN", "empty array"), new String[0], HIGH_RANKING);

        FailedServiceDTO failure = failedService(registration);
        assertEquals(failure.toString(), FailureReason.INVALID_NAME, failure.reason);
        assertTrue(failure.toString(), failure.detail.contains("names several or no backends"));
        assertLogged(registration, "backend.name");
        assertEveryDefaultServes();
        assertEquals(List.copyOf(AttentionBackendId.FAMILY.catalog()), registry.names(AttentionBackendId.FAMILY));
    }

    // ---- bad service.ranking values ----

    @Test
    public void aStringRankingCountsAsZeroWithAWarningAndTheProviderStillServes() {
        assertRankingCountsAsZero("10");
    }

    @Test
    public void aLongRankingCountsAsZeroWithAWarningAndTheProviderStillServes() {
        assertRankingCountsAsZero(10L);
    }

    /**
     * An override ranked 0 registered first beats the one with the odd ranking on service id alone, which
     * it would not if the odd value were read as 10; once the first goes, the odd one serves.
     */
    private void assertRankingCountsAsZero(Object ranking) {
        TestAttentionBackend zero = new TestAttentionBackend("TRITON_ATTN", "ranked 0");
        String type = ranking.getClass().getSimpleName();
        TestAttentionBackend odd = new TestAttentionBackend("TRITON_ATTN", "ranked " + type);
        ServiceRegistration<AttentionBackend> zeroRegistration = registerAttentionService(zero, "TRITON_ATTN", 0);
        Dictionary<String, Object> properties = properties("TRITON_ATTN", null);
        properties.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<AttentionBackend> oddRegistration = unregisterAfterTest(
                bundleContext.registerService(AttentionBackend.class, odd, properties));

        assertSame(zero, registry.backend(TRITON_ATTN));
        NotServingDTO loser = notServing(TRITON_ATTN, oddRegistration);
        assertEquals(loser.toString(), NotServingReason.SHADOWED, loser.reason);
        assertEquals(loser.toString(), 0, loser.provider.ranking);
        assertEquals(loser.toString(), serviceId(zeroRegistration), loser.servedInstead);
        assertLogged(oddRegistration, "service.ranking", "'10' (" + type + ")");
        assertTrue(failedServices().toString(), failedServices().isEmpty());

        zeroRegistration.unregister();
        assertSame(odd, registry.backend(TRITON_ATTN));
        assertEquals(0, registry.serving(TRITON_ATTN).orElseThrow().ranking());
        assertTrue(registry.isOverridden(TRITON_ATTN));
        oddRegistration.unregister();
        assertEveryDefaultServes();
    }

    // ---- duplicates and changes ----

    @Test
    public void twoValidServicesOfOneNameArePrecedenceOrderedAndTheLoserIsShownAsShadowed() {
        TestAttentionBackend lower = new TestAttentionBackend("FLASH_ATTN", "ranked 5");
        TestAttentionBackend higher = new TestAttentionBackend("FLASH_ATTN", "ranked 7");
        ServiceRegistration<AttentionBackend> lowerRegistration = registerAttentionService(lower, "FLASH_ATTN", 5);
        ServiceRegistration<AttentionBackend> higherRegistration = registerAttentionService(higher, "FLASH_ATTN", 7);

        assertSame(higher, registry.backend(FLASH_ATTN));
        NotServingDTO loser = notServing(FLASH_ATTN, lowerRegistration);
        assertEquals(loser.toString(), NotServingReason.SHADOWED, loser.reason);
        assertEquals(loser.toString(), serviceId(higherRegistration), loser.servedInstead);
        NameDTO flashAttn = nameDto(FLASH_ATTN);
        assertEquals("the loser and the default are listed: " + Arrays.toString(flashAttn.notServing), 2,
                flashAttn.notServing.length);
        assertTrue(log.warnings().toString(), log.warnings().isEmpty());

        higherRegistration.unregister();
        assertSame(lower, registry.backend(FLASH_ATTN));
        lowerRegistration.unregister();
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void aNameChangedAtRuntimeToAnInvalidOneFailsVisiblyAndAValidOneAgainRecovers() {
        TestAttentionBackend backend = new TestAttentionBackend("FLASH_ATTN", "renamed");
        ServiceRegistration<AttentionBackend> registration = registerAttentionService(backend, "FLASH_ATTN",
                HIGH_RANKING);
        assertSame(backend, registry.backend(FLASH_ATTN));

        registration.setProperties(properties("flash-attn", HIGH_RANKING));
        assertServedByDefault(FLASH_ATTN);
        FailedServiceDTO failure = failedService(registration);
        assertEquals(failure.toString(), FailureReason.INVALID_NAME, failure.reason);
        assertTrue(failure.toString(), failure.detail.contains("did you mean 'FLASH_ATTN'"));
        assertLogged(registration, "flash-attn");
        assertEquals(0, nameDto(FLASH_ATTN).notServing.length);

        registration.setProperties(properties("TRITON_ATTN", HIGH_RANKING));
        assertSame(backend, registry.backend(TRITON_ATTN));
        assertTrue(failedServices().toString(), failedServices().isEmpty());
        assertServedByDefault(FLASH_ATTN);

        registration.unregister();
        assertEveryDefaultServes();
    }

    // ---- providers that go away or cannot be had ----

    /**
     * Readers call every lookup method in a loop while the override bundle starts and stops: FLASH_ATTN
     * always has its default underneath, so no call may fail, and each returns one of the two providers.
     */
    @Test
    public void lookupsWhileTheProvidersBundleStopsNeverFail() throws Exception {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        String defaultClass = FLASH_ATTN.defaultClassName().orElseThrow();
        List<String> allowed = List.of(defaultClass, JVM_FLASH_ATTN_CLASS);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lookups = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        Runnable reader = () -> {
            try {
                while (!done.get()) {
                    String backendClass = registry.backend(FLASH_ATTN).getClass().getName();
                    String path = registry.path(FLASH_ATTN);
                    String loadedClass = registry.backendClass(FLASH_ATTN).getName();
                    registry.isOverridden(FLASH_ATTN);
                    String serving = registry.serving(FLASH_ATTN).map(BackendProvider::className).orElse("nothing");
                    for (String seen : List.of(backendClass, path, loadedClass, serving)) {
                        if (!allowed.contains(seen) && wrong.size() < 10) {
                            wrong.add(seen);
                        }
                    }
                    lookups.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(reader, "lookups during stop " + i);
            readers.add(thread);
            thread.start();
        }
        int cycles = 100;
        try {
            for (int cycle = 0; cycle < cycles; cycle++) {
                flashAttnJvm.start();
                flashAttnJvm.stop();
            }
        } finally {
            done.set(true);
            for (Thread thread : readers) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        String counts = lookups.get() + " lookups during " + cycles + " start/stop cycles";
        assertTrue("lookups failed: " + failures + "; " + counts, failures.isEmpty());
        assertTrue("lookups returned a class that is neither provider: " + wrong + "; " + counts, wrong.isEmpty());
        assertTrue("too few lookups: " + counts, lookups.get() > cycles);
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void aServiceFactoryReturningNullIsPassedOverAndShownAsNotGettable() {
        ServiceRegistration<AttentionBackend> registration = unregisterAfterTest(bundleContext.registerService(
                AttentionBackend.class, factory(() -> null), properties("TRITON_ATTN", HIGH_RANKING)));

        assertServedByDefault(TRITON_ATTN);
        NotServingDTO notGettable = notServing(TRITON_ATTN, registration);
        assertEquals(notGettable.toString(), NotServingReason.NOT_GETTABLE, notGettable.reason);
        assertEquals(notGettable.toString(), "getService returned null", notGettable.detail);
        assertLogged(registration, "TRITON_ATTN", "getService returned null");
        assertEveryDefaultServes();

        registration.unregister();
        assertEquals(0, nameDto(TRITON_ATTN).notServing.length);
        assertServedByDefault(TRITON_ATTN);
    }

    @Test
    public void aServiceFactoryThatThrowsIsPassedOverAndTheRuntimeViewShowsWhy() {
        ServiceRegistration<AttentionBackend> registration = unregisterAfterTest(bundleContext.registerService(
                AttentionBackend.class, factory(() -> {
                    throw new IllegalStateException("this backend cannot be created");
                }), properties("TRITON_ATTN", HIGH_RANKING)));

        assertServedByDefault(TRITON_ATTN);
        NotServingDTO failed = notServing(TRITON_ATTN, registration);
        // Felix catches what a ServiceFactory throws, reports it in a framework ERROR event and gives the
        // caller null: the registry sees a provider that cannot be obtained, not the exception itself
        assertEquals(failed.toString(), NotServingReason.NOT_GETTABLE, failed.reason);
        assertEquals(failed.toString(), "getService returned null", failed.detail);
        assertLogged(registration, "TRITON_ATTN");
        assertEveryDefaultServes();
    }

    @Test
    public void aComponentWhoseActivateThrowsIsShownAsNotGettableAndTheDefaultKeepsServing() throws Exception {
        Bundle bundle = install(UnactivatableBackendBundle.JAR);
        bundle.start();
        assertTrue("the component's service never reached the registry: "
                + Arrays.toString(nameDto(TRITON_ATTN).notServing),
                awaitRegistry(r -> Arrays.stream(nameDto(TRITON_ATTN).notServing)
                        .anyMatch(n -> n.provider.bundleId == bundle.getBundleId())));

        assertServedByDefault(TRITON_ATTN);
        NotServingDTO notGettable = Arrays.stream(nameDto(TRITON_ATTN).notServing)
                .filter(n -> n.provider.bundleId == bundle.getBundleId()).findFirst().orElseThrow();
        assertEquals(notGettable.toString(), NotServingReason.NOT_GETTABLE, notGettable.reason);
        assertEquals(notGettable.toString(), UnactivatableBackendBundle.RANKING, notGettable.provider.ranking);
        assertEquals(notGettable.toString(), UnactivatableAttentionBackend.class.getName(),
                notGettable.provider.className);
        assertTrue(log.warnings().toString(), log.warnings().stream().anyMatch(w -> w.contains("TRITON_ATTN")
                && w.contains(UnactivatableBackendBundle.SYMBOLIC_NAME) && w.contains("getService returned null")));
        assertEveryDefaultServes();

        bundle.stop();
        assertEquals(0, nameDto(TRITON_ATTN).notServing.length);
        assertServedByDefault(TRITON_ATTN);
    }

    // ---- listeners ----

    /**
     * A throwing, a briefly blocking and a re-entrant listener at once: every one hears both changes,
     * each sees the new state, lookups from another thread are answered while one blocks, and the
     * throwing one is logged.
     */
    @Test
    public void listenersThatThrowBlockOrCallBackLeaveLookupsCorrect() throws Exception {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        String defaultClass = FLASH_ATTN.defaultClassName().orElseThrow();
        List<String> thrownOn = new CopyOnWriteArrayList<>();
        BackendListener throwing = change -> {
            if (change.id() == FLASH_ATTN) {
                thrownOn.add(change.current().map(BackendProvider::className).orElse("nothing"));
            }
            throw new IllegalStateException("listener failure on " + change);
        };
        List<String> seenWhileBlocked = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch nobodyCountsThisDown = new CountDownLatch(1);
        BackendListener blocking = change -> {
            if (change.id() != FLASH_ATTN) {
                return;
            }
            CountDownLatch answered = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try {
                    seenWhileBlocked.add(registry.path(FLASH_ATTN));
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    answered.countDown();
                }
            }, "lookup while a listener blocks");
            other.start();
            try {
                nobodyCountsThisDown.await(50, TimeUnit.MILLISECONDS);
                if (!answered.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    failures.add(new AssertionError("a lookup from another thread waited for a blocked listener"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<String> seenByReentrant = new CopyOnWriteArrayList<>();
        BackendListener reentrant = change -> {
            if (change.id() == FLASH_ATTN) {
                seenByReentrant.add(registry.path(FLASH_ATTN) + " overridden=" + registry.isOverridden(FLASH_ATTN)
                        + " object=" + registry.backend(FLASH_ATTN).getClass().getName());
                // a call into the registry that changes another name, from inside a listener
                registry.clearOverride(TRITON_ATTN);
            }
        };
        for (BackendListener listener : List.of(throwing, blocking, reentrant)) {
            unregisterAfterTest(bundleContext.registerService(BackendListener.class, listener, null));
        }

        flashAttnJvm.start();
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));
        flashAttnJvm.stop();
        assertServedByDefault(FLASH_ATTN);

        assertTrue("failures: " + failures, failures.isEmpty());
        assertEquals(List.of(JVM_FLASH_ATTN_CLASS, defaultClass), thrownOn);
        assertEquals(List.of(JVM_FLASH_ATTN_CLASS, defaultClass), seenWhileBlocked);
        assertEquals(List.of(JVM_FLASH_ATTN_CLASS + " overridden=true object=" + JVM_FLASH_ATTN_CLASS,
                defaultClass + " overridden=false object=" + defaultClass), seenByReentrant);
        long listenerWarnings = log.warnings().stream().filter(w -> w.contains("listener failure on FLASH_ATTN")).count();
        assertEquals("warnings about the throwing listener: " + log.warnings(), 2, listenerWarnings);
        assertEveryDefaultServes();
    }

    // ---- helpers ----

    private interface ObjectSupplier {
        AttentionBackend get();
    }

    private static ServiceFactory<AttentionBackend> factory(ObjectSupplier supplier) {
        return new ServiceFactory<>() {
            @Override
            public AttentionBackend getService(Bundle bundle, ServiceRegistration<AttentionBackend> registration) {
                return supplier.get();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<AttentionBackend> registration,
                    AttentionBackend service) {
            }
        };
    }

    private List<FailedServiceDTO> failedServices() {
        return List.of(runtime.getRuntimeDTO().failedServices);
    }

    private FailedServiceDTO failedService(ServiceRegistration<?> registration) {
        return failedServices().stream().filter(f -> f.serviceId == serviceId(registration)).findFirst()
                .orElseThrow(() -> new AssertionError("service " + serviceId(registration)
                        + " is not among the failed services: " + failedServices()));
    }

    private NameDTO nameDto(AttentionBackendId id) {
        return Arrays.stream(runtime.getRuntimeDTO().names)
                .filter(n -> n.family.equals(AttentionBackendId.FAMILY.displayName()) && n.name.equals(id.name()))
                .findFirst().orElseThrow(() -> new AssertionError(id + " is not in the runtime view"));
    }

    private NotServingDTO notServing(AttentionBackendId id, ServiceRegistration<?> registration) {
        NameDTO name = nameDto(id);
        Optional<NotServingDTO> entry = Arrays.stream(name.notServing)
                .filter(n -> "SERVICE".equals(n.provider.origin) && n.provider.id == serviceId(registration))
                .findFirst();
        return entry.orElseThrow(() -> new AssertionError("service " + serviceId(registration) + " is not among the "
                + "providers of " + id + " that do not serve: " + Arrays.toString(name.notServing)));
    }

    /** Asserts that one warning names the service (by its {@code service.id}) and mentions the rest. */
    private void assertLogged(ServiceRegistration<?> registration, String... mentions) {
        Pattern serviceIdMention = Pattern.compile("\\bservice " + serviceId(registration) + "\\b");
        List<String> warnings = log.warnings();
        assertTrue("no warning names service " + serviceId(registration) + " and mentions all of "
                + Arrays.toString(mentions) + "; warnings: " + warnings,
                warnings.stream().anyMatch(w -> serviceIdMention.matcher(w).find()
                        && Arrays.stream(mentions).allMatch(w::contains)));
    }
}
