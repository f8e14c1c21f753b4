package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Lookups under heavy churn of an override bundle never return a stopped bundle's object, and an
 * override bundle updated, refreshed and uninstalled again and again leaves no class loader behind.
 */
@ExamReactorStrategy(PerClass.class)
public class ConcurrencyAndLeaksIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final int READERS = 4;
    private static final int MIN_CYCLES = 1_000;
    private static final long MIN_LOOKUPS = 1_000_000;
    /** The churn stops here even if too few lookups were counted; the assertions then say so. */
    private static final long CHURN_BOUND_MS = 120_000;
    /** Readers add to the shared count in batches, so that counting does not serialise them. */
    private static final int COUNT_BATCH = 1_024;
    private static final int LEAK_CYCLES = 100;
    private static final long GC_BOUND_MS = 60_000;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    /**
     * The cycling thread writes a state word: odd from just before {@code start()} is called, even once
     * {@code stop()} has returned. A read that began in an even state and ended in the same state lies
     * wholly after a completed {@code stop()} with no {@code start()} begun since: it must not return the
     * override's object.
     */
    @Test
    public void fourReadersNeverSeeTheOverrideOfABundleWhoseStopHadReturnedOverAThousandStartStopCycles()
            throws Exception {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        Class<?> defaultType = registry.backend(FLASH_ATTN).getClass();
        AtomicLong state = new AtomicLong();
        CountDownLatch stopReaders = new CountDownLatch(1);
        LongAdder lookups = new LongAdder();
        LongAdder lookupsWhileStopped = new LongAdder();
        LongAdder overrideSeen = new LongAdder();
        ConcurrentLinkedQueue<String> staleReads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Runnable reader = () -> {
            long reads = 0;
            long whileStopped = 0;
            long override = 0;
            try {
                while (stopReaders.getCount() > 0) {
                    long before = state.get();
                    AttentionBackend backend = registry.backend(FLASH_ATTN);
                    long after = state.get();
                    Class<?> type = backend.getClass();
                    boolean stopped = (before & 1) == 0 && after == before;
                    if (stopped) {
                        whileStopped++;
                    }
                    if (type != defaultType) {
                        override++;
                        if (!JVM_FLASH_ATTN_CLASS.equals(type.getName())) {
                            unexpected.add("state " + before + ": got " + type.getName());
                        } else if (stopped && staleReads.size() < 20) {
                            staleReads.add("state " + before + ": got " + backend + " of bundle "
                                    + FrameworkUtil.getBundle(type) + " after its stop() had returned");
                        }
                    }
                    if (++reads % COUNT_BATCH == 0) {
                        lookups.add(COUNT_BATCH);
                        lookupsWhileStopped.add(whileStopped);
                        overrideSeen.add(override);
                        whileStopped = 0;
                        override = 0;
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                lookups.add(reads % COUNT_BATCH);
                lookupsWhileStopped.add(whileStopped);
                overrideSeen.add(override);
            }
        };
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Thread thread = new Thread(reader, "FLASH_ATTN reader " + i);
            readers.add(thread);
            thread.start();
        }
        int cycles = 0;
        long started = System.nanoTime();
        long elapsedMs;
        try {
            do {
                state.incrementAndGet();
                flashAttnJvm.start();
                assertEquals("cycle " + cycles + ", after start()", JVM_FLASH_ATTN_CLASS,
                        registry.backend(FLASH_ATTN).getClass().getName());
                flashAttnJvm.stop();
                state.incrementAndGet();
                assertEquals("cycle " + cycles + ", after stop()", defaultType, registry.backend(FLASH_ATTN).getClass());
                cycles++;
                elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            } while ((cycles < MIN_CYCLES || lookups.sum() < MIN_LOOKUPS) && elapsedMs < CHURN_BOUND_MS);
        } finally {
            stopReaders.countDown();
            for (Thread thread : readers) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
        String counts = cycles + " start/stop cycles in " + elapsedMs + " ms; " + lookups.sum() + " lookups by "
                + READERS + " readers, " + lookupsWhileStopped.sum() + " of them wholly while the override was stopped, "
                + overrideSeen.sum() + " returned the override";
        System.out.println("ConcurrencyAndLeaksIT: " + counts);

        for (Thread thread : readers) {
            assertFalse(thread.getName() + " still running; " + counts, thread.isAlive());
        }
        assertTrue("reader failures: " + failures + "; " + counts, failures.isEmpty());
        assertTrue("lookups returned neither the default nor the override: " + unexpected + "; " + counts,
                unexpected.isEmpty());
        assertTrue("lookups returned the override of a stopped bundle: " + staleReads + "; " + counts,
                staleReads.isEmpty());
        assertTrue("too few cycles: " + counts, cycles >= MIN_CYCLES);
        assertTrue("too few lookups: " + counts, lookups.sum() >= MIN_LOOKUPS);
        assertTrue("no lookup fell wholly while the override was stopped: " + counts, lookupsWhileStopped.sum() > 0);
        assertTrue("no lookup returned the override: " + counts, overrideSeen.sum() > 0);
        assertServedByDefault(FLASH_ATTN);
    }

    /**
     * Each cycle installs and starts the override, updates it with the same jar, refreshes it, uninstalls
     * it and refreshes again; every class loader that served FLASH_ATTN on the way must become
     * unreachable once the cycles are over.
     */
    @Test
    public void anOverrideUpdatedRefreshedAndUninstalledAHundredTimesLeavesNoClassLoaderBehind() throws Exception {
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long started = System.nanoTime();
        for (int cycle = 0; cycle < LEAK_CYCLES; cycle++) {
            updateRefreshUninstall(cycle, loaders);
        }
        long cyclesMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertServedByDefault(FLASH_ATTN);
        assertEquals("bundles still pending removal", 0,
                frameworkWiring().getRemovalPendingBundles().size());

        long gcStarted = System.nanoTime();
        boolean cleared = true;
        try {
            waitingAtMost(GC_BOUND_MS).until(() -> {
                System.gc();
                return loaders.stream().allMatch(loader -> loader.get() == null);
            });
        } catch (ConditionTimeoutException stillReachable) {
            cleared = false; // the assertion below names the class loaders still reachable
        }
        long gcMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - gcStarted);
        List<Integer> reachable = new ArrayList<>();
        for (int i = 0; i < loaders.size(); i++) {
            if (loaders.get(i).get() != null) {
                reachable.add(i);
            }
        }
        String counts = LEAK_CYCLES + " cycles in " + cyclesMs + " ms, " + loaders.size()
                + " class loaders served FLASH_ATTN; " + (loaders.size() - reachable.size()) + " collected within "
                + gcMs + " ms";
        System.out.println("ConcurrencyAndLeaksIT: " + counts);
        assertTrue("class loaders of the override still reachable (index = 3 per cycle: after start, after update, "
                + "after refresh): " + reachable + "; " + counts, cleared);
    }

    private void updateRefreshUninstall(int cycle, List<WeakReference<ClassLoader>> loaders) throws Exception {
        Bundle bundle = bundleContext.installBundle(moduleJarUrl("flash-attn-jvm"));
        try {
            bundle.start();
            loaders.add(servingLoader("cycle " + cycle + ", after start()", loaders));

            bundle.update();
            loaders.add(servingLoader("cycle " + cycle + ", after update()", loaders));

            refresh(Arrays.asList(bundle));
            assertTrue("cycle " + cycle + ": the override does not serve again after the refresh",
                    awaitRegistry(r -> JVM_FLASH_ATTN_CLASS.equals(r.path(FLASH_ATTN))));
            loaders.add(servingLoader("cycle " + cycle + ", after refresh", loaders));
        } finally {
            bundle.uninstall();
        }
        assertServedByDefault(FLASH_ATTN);
        refresh(null);
    }

    /** @return a weak reference to the class loader of the object that serves FLASH_ATTN, which must be new */
    private WeakReference<ClassLoader> servingLoader(String when, List<WeakReference<ClassLoader>> earlier) {
        AttentionBackend backend = registry.backend(FLASH_ATTN);
        assertEquals(when, JVM_FLASH_ATTN_CLASS, backend.getClass().getName());
        ClassLoader loader = backend.getClass().getClassLoader();
        if (!earlier.isEmpty()) {
            assertNotSame(when + ": the class loader did not change", earlier.get(earlier.size() - 1).get(), loader);
        }
        return new WeakReference<>(loader);
    }

    /** Refreshes the bundles (null: those pending removal) and waits for PACKAGES_REFRESHED. */
    private void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        List<FrameworkEvent> errors = new CopyOnWriteArrayList<>();
        frameworkWiring().refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            } else if (event.getType() == FrameworkEvent.ERROR) {
                errors.add(event);
            }
        });
        assertTrue("no PACKAGES_REFRESHED within " + SETTLE_TIMEOUT_MS + " ms",
                refreshed.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertTrue("errors during the refresh: " + errors, errors.isEmpty());
    }

    private FrameworkWiring frameworkWiring() {
        return bundleContext.getBundle(0).adapt(FrameworkWiring.class);
    }
}
