package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.DrainTimeoutDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.backendregistry.itests.guarded.GuardedAttentionBackend;
import org.backendregistry.itests.guarded.GuardedBackendBundle;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A thousand hot swaps of a FLASH_ATTN override under continuous load: through leases no computation
 * fails; through plain lookups the calls that run into a stopping backend fail, and are counted.
 */
@ExamReactorStrategy(PerClass.class)
public class HotSwapUnderTrafficIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final int WORKERS = 3;
    private static final int SWAPS = 1_000;
    /** Every tenth swap updates and refreshes the bundle instead of only stopping it. */
    private static final int UPDATE_EVERY = 10;
    private static final float TOLERANCE = 1e-5f;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BackendRegistryRuntime runtime;

    private AttentionInput input;
    private float[] reference;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), GuardedBackendBundle.built(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject());
    }

    /** FLASH_ATTN's default needs a GPU; a steady JVM provider serves whenever the guarded override is away. */
    @Before
    public void aSteadyProviderServesBetweenSwaps() {
        Random random = new Random(7);
        int tokens = 8;
        int heads = 4;
        int kvHeads = 2;
        int headSize = 16;
        input = AttentionInput.of(floats(random, tokens * heads * headSize), floats(random, tokens * kvHeads * headSize),
                floats(random, tokens * kvHeads * headSize), tokens, heads, kvHeads, headSize, true);
        reference = ReferenceAttention.compute(input);
        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "steady"), "FLASH_ATTN", 1);
    }

    @After
    public void deleteTheConfiguration() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(
                BackendRegistryRuntime.PID, "?");
        if (configuration.getProperties() != null) {
            long before = changeCount();
            configuration.delete();
            waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> changeCount() > before);
        }
    }

    @Test
    public void aThousandHotSwapsUnderContinuousLoadFailNoComputationMadeThroughLeases() throws Exception {
        TrafficLoad load = new TrafficLoad(WORKERS, reference, TOLERANCE, () -> {
            try (BackendLease<AttentionBackend> lease = registry.lease(FLASH_ATTN)) {
                return lease.backend().compute(input);
            }
        });

        long millis = swapUnderLoad(load);

        System.out.println("HotSwapUnderTrafficIT leases: " + SWAPS + " swaps in " + millis + " ms, "
                + load.computations() + " computations, " + load.failureCount() + " failed");
        assertEquals("failed computations through leases", List.of(), load.failures());
        assertTrue("the load ran throughout (" + load.computations() + " computations)", load.computations() > SWAPS);
    }

    @Test
    public void theSameLoadThroughPlainLookupsFailsOnlyInsideAStoppingBackend() throws Exception {
        TrafficLoad load = new TrafficLoad(WORKERS, reference, TOLERANCE,
                () -> registry.backend(FLASH_ATTN).compute(input));

        long millis = swapUnderLoad(load);

        System.out.println("HotSwapUnderTrafficIT plain backend(id): " + SWAPS + " swaps in " + millis + " ms, "
                + load.computations() + " computations, " + load.failureCount() + " failed");
        assertTrue("the load ran throughout", load.computations() > SWAPS);
        for (String failure : load.failures()) {
            assertTrue("a failure other than a call into a deactivated backend: " + failure,
                    failure.contains(GuardedAttentionBackend.DEACTIVATED));
        }
    }

    @Test
    public void aStuckLeaseDelaysTheStopOnlyByTheDrainTimeoutWhichTheRuntimeViewShows() throws Exception {
        configureDrainTimeout(500);
        Bundle guarded = install(GuardedBackendBundle.JAR);
        guarded.start();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try (BackendLease<AttentionBackend> lease = registry.lease(FLASH_ATTN)) {
                taken.countDown();
                release.await(); // a call that does not return
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stuck-call");
        stuck.start();
        try {
            assertTrue(taken.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
            long began = System.nanoTime();
            guarded.stop();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertTrue("stop() waited for the drain timeout: " + stopMillis + " ms", stopMillis >= 500);
            assertTrue("stop() went on after the drain timeout: " + stopMillis + " ms", stopMillis < SETTLE_TIMEOUT_MS);
            DrainTimeoutDTO timedOut = Arrays.stream(runtime.getRuntimeDTO().drainTimeouts)
                    .filter(d -> d.provider != null && GuardedBackendBundle.SYMBOLIC_NAME.equals(d.provider.bundleSymbolicName))
                    .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no drain timeout shown"));
            assertEquals("FLASH_ATTN", timedOut.name);
            assertEquals(1, timedOut.openLeases);
            assertEquals(List.of("stuck-call"), List.of(timedOut.threads));
            assertEquals(500, timedOut.timeout);
        } finally {
            release.countDown();
            stuck.join(SETTLE_TIMEOUT_MS);
        }
    }

    /** Starts the load, swaps the guarded override {@link #SWAPS} times, stops the load; @return the swapping time */
    private long swapUnderLoad(TrafficLoad load) throws Exception {
        Bundle guarded = install(GuardedBackendBundle.JAR);
        load.start();
        long began = System.nanoTime();
        try {
            for (int swap = 0; swap < SWAPS; swap++) {
                guarded.start();
                if (swap % UPDATE_EVERY == UPDATE_EVERY - 1) {
                    guarded.update();
                    refresh(guarded);
                }
                guarded.stop();
            }
        } finally {
            load.stop();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        bundleContext.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
        assertTrue("refreshed", refreshed.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    private void configureDrainTimeout(long millis) throws Exception {
        long before = changeCount();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("drain.timeout", millis);
        configurationAdmin.getConfiguration(BackendRegistryRuntime.PID, "?").update(properties);
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> changeCount() > before);
    }

    private long changeCount() {
        ServiceReference<BackendRegistryRuntime> reference = bundleContext.getServiceReference(BackendRegistryRuntime.class);
        return (Long) reference.getProperty(Constants.SERVICE_CHANGECOUNT);
    }

    private static float[] floats(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
