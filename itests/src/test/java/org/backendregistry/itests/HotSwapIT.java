package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/** Starting, stopping and uninstalling an override bundle switches FLASH_ATTN at once, under load too. */
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends BackendRegistryTestSupport {

    private static final int START_STOP_CYCLES = 60;
    private static final int READERS = 3;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    @Test
    public void flashAttnIsServedByTheOverrideOnceStartReturnsAndByTheDefaultOnceStopOrUninstallReturns()
            throws BundleException {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        assertServedByDefault(AttentionBackendId.FLASH_ATTN);

        flashAttnJvm.start();
        assertServedByJvmFlashAttn(flashAttnJvm);
        AttentionInput input = randomInput(new Random(42), 7, 4, 2, 16, true);
        assertMatchesReference(input, registry.backend(AttentionBackendId.FLASH_ATTN).compute(input));

        flashAttnJvm.stop();
        assertServedByDefault(AttentionBackendId.FLASH_ATTN);

        flashAttnJvm.start();
        assertServedByJvmFlashAttn(flashAttnJvm);
        flashAttnJvm.uninstall();
        assertServedByDefault(AttentionBackendId.FLASH_ATTN);
    }

    @Test
    public void listenersHearEachSwitchOfFlashAttnAfterItIsVisible() throws BundleException {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        List<BackendChange> changes = new CopyOnWriteArrayList<>();
        List<String> pathsSeenByListener = new CopyOnWriteArrayList<>();
        BackendListener listener = change -> {
            if (change.id() == AttentionBackendId.FLASH_ATTN) {
                changes.add(change);
                pathsSeenByListener.add(registry.path(AttentionBackendId.FLASH_ATTN));
            }
        };
        unregisterAfterTest(bundleContext.registerService(BackendListener.class, listener, null));

        flashAttnJvm.start();
        flashAttnJvm.stop();

        assertEquals(changes.toString(), 2, changes.size());
        assertEquals(Optional.of(JVM_FLASH_ATTN_CLASS), changes.get(0).current().map(BackendProvider::className));
        assertEquals(Optional.of(AttentionBackendId.FLASH_ATTN.defaultClassName().orElseThrow()),
                changes.get(1).current().map(BackendProvider::className));
        assertTrue(changes.toString(), changes.get(0).generation() < changes.get(1).generation());
        assertEquals(List.of(JVM_FLASH_ATTN_CLASS, AttentionBackendId.FLASH_ATTN.defaultClassName().orElseThrow()),
                pathsSeenByListener);
    }

    /**
     * Readers snapshot an epoch before and after each lookup: the epoch is even while the override is
     * stopped (incremented after {@code stop()} returns) and odd from just before {@code start()} is
     * called. A lookup that began and ended within one even epoch must not return the override.
     */
    @Test
    public void concurrentLookupsNeverSeeTheOverrideOfABundleWhoseStopHadReturned() throws Exception {
        Bundle flashAttnJvm = install("flash-attn-jvm");
        AtomicLong epoch = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lookups = new AtomicLong();
        AtomicLong lookupsWhileStopped = new AtomicLong();
        ConcurrentLinkedQueue<String> staleLookups = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Runnable reader = () -> {
            try {
                while (!done.get()) {
                    long before = epoch.get();
                    AttentionBackend backend = registry.backend(AttentionBackendId.FLASH_ATTN);
                    long after = epoch.get();
                    lookups.incrementAndGet();
                    if (before % 2 == 0 && after == before) {
                        lookupsWhileStopped.incrementAndGet();
                        if (JVM_FLASH_ATTN_CLASS.equals(backend.getClass().getName()) && staleLookups.size() < 10) {
                            staleLookups.add("epoch " + before + ": got " + backend);
                        }
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Thread thread = new Thread(reader, "FLASH_ATTN reader " + i);
            readers.add(thread);
            thread.start();
        }
        try {
            for (int cycle = 0; cycle < START_STOP_CYCLES; cycle++) {
                epoch.incrementAndGet();
                flashAttnJvm.start();
                assertEquals("cycle " + cycle + ", after start()", JVM_FLASH_ATTN_CLASS,
                        registry.backend(AttentionBackendId.FLASH_ATTN).getClass().getName());
                flashAttnJvm.stop();
                epoch.incrementAndGet();
                assertEquals("cycle " + cycle + ", after stop()", AttentionBackendId.FLASH_ATTN.defaultClassName().get(),
                        registry.backend(AttentionBackendId.FLASH_ATTN).getClass().getName());
            }
        } finally {
            done.set(true);
            for (Thread thread : readers) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        for (Thread thread : readers) {
            assertFalse(thread.getName() + " still running", thread.isAlive());
        }
        assertTrue("reader failures: " + failures, failures.isEmpty());
        assertTrue("lookups that returned the stopped override: " + staleLookups, staleLookups.isEmpty());
        assertTrue("the readers looked up only " + lookupsWhileStopped + " times while the override was stopped",
                lookupsWhileStopped.get() > 0);
        assertTrue("the readers looked up only " + lookups + " times", lookups.get() > START_STOP_CYCLES);
        assertServedByDefault(AttentionBackendId.FLASH_ATTN);
    }

    private void assertServedByJvmFlashAttn(Bundle flashAttnJvm) {
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(AttentionBackendId.FLASH_ATTN));
        assertTrue(registry.isOverridden(AttentionBackendId.FLASH_ATTN));
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.backendClass(AttentionBackendId.FLASH_ATTN).getName());
        BackendProvider provider = registry.serving(AttentionBackendId.FLASH_ATTN).orElseThrow();
        assertEquals(provider.toString(), flashAttnJvm.getBundleId(), provider.bundleId());
        assertFalse(provider.toString(), provider.isDefault());
    }

    private static AttentionInput randomInput(Random random, int tokens, int heads, int kvHeads, int headSize,
            boolean causal) {
        return AttentionInput.of(randomArray(random, tokens * heads * headSize),
                randomArray(random, tokens * kvHeads * headSize), randomArray(random, tokens * kvHeads * headSize),
                tokens, heads, kvHeads, headSize, causal);
    }

    private static float[] randomArray(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Within 1e-5, relative to the reference value (absolute below magnitude 1). */
    private static void assertMatchesReference(AttentionInput input, float[] actual) {
        float[] expected = ReferenceAttention.compute(input);
        assertEquals("output length", expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(expected[i]));
            assertEquals("output[" + i + "]", expected[i], actual[i], tolerance);
        }
    }
}
