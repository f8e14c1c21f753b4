package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.runtime.DrainTimeoutDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases keep a departing provider's object until the calls through them are done, within the drain timeout. */
class LeaseTest {

    private static final long BOUND_SECONDS = 10;

    private final RecordingLogger log = new RecordingLogger();
    /** counted down by the next change; replaced before each action whose change a test waits for */
    private volatile CountDownLatch changed = new CountDownLatch(1);
    private final RegistryCore core = new RegistryCore(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY),
            change -> changed.countDown(), log);
    private final OverrideA overrideObject = new OverrideA("FLASH_ATTN");
    private final FakeService defaultService = FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();
    private final FakeService override = FakeService.of(overrideObject, "FLASH_ATTN");
    private TrackedService tracked;
    private Thread holder;

    @BeforeEach
    void anOverrideServes() {
        track(defaultService);
        tracked = track(override);
    }

    @AfterEach
    void stopTheHolder() throws InterruptedException {
        if (holder != null) {
            holder.interrupt();
            holder.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
    }

    @Test
    void aLeaseGivesTheServingObjectAndItsProvider() {
        try (BackendLease<AttentionBackend> lease = core.lookups().lease(FLASH_ATTN)) {
            assertSame(overrideObject, lease.backend());
            assertEquals(override.serviceId, lease.provider().id());
            assertEquals(1, serving().openLeases);
        }
        assertEquals(0, serving().openLeases, "closed");
    }

    @Test
    void aLeaseByNameIsALeaseOnTheSameObject() {
        try (BackendLease<AttentionBackend> lease = core.lookups().lease(AttentionBackendId.FAMILY, "FLASH_ATTN")) {
            assertSame(overrideObject, lease.backend());
        }
    }

    @Test
    void closingALeaseTwiceCountsOnce() {
        BackendLease<AttentionBackend> first = core.lookups().lease(FLASH_ATTN);
        BackendLease<AttentionBackend> second = core.lookups().lease(FLASH_ATTN);
        first.close();
        first.close();
        assertEquals(1, serving().openLeases);
        second.close();
    }

    @Test
    void aLeaseOnANameNothingServesFailsAsALookupDoes() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> core.lookups().lease(AttentionBackendId.CUSTOM));
        assertTrue(error.getMessage().startsWith("Backend CUSTOM must be registered before use."), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> core.lookups().lease(AttentionBackendId.FAMILY, "FLASH"));
    }

    @Test
    void aDepartureWaitsForTheLeaseOpenOnItWhileLookupsAndNewLeasesMoveOnAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        holdALease(release);
        Thread departing = new Thread(() -> core.untrack(tracked), "departing");
        changed = new CountDownLatch(1);

        departing.start();
        assertTrue(changed.await(BOUND_SECONDS, TimeUnit.SECONDS), "the next provider is published first");
        assertEquals(DefaultImpl.class.getName(), core.lookups().require(FLASH_ATTN).className());
        try (BackendLease<AttentionBackend> lease = core.lookups().lease(FLASH_ATTN)) {
            assertEquals(DefaultImpl.class, lease.backend().getClass(), "a new lease is taken on the next provider");
        }
        assertTrue(departing.isAlive(), "the departure waits for the open lease");
        assertEquals(1, override.inUse(), "its object is not given back while the lease is open");

        release.countDown();
        departing.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertFalse(departing.isAlive());
        assertEquals(0, override.inUse(), "given back once the lease closed");
        assertEquals(0, core.drainTimeouts().size());
    }

    @Test
    void aProviderDisplacedByABetterOneIsGivenBackOnlyOnceItsLeasesClose() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        holdALease(release);
        FakeService better = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(5);
        Thread arriving = new Thread(() -> track(better), "arriving");
        changed = new CountDownLatch(1);

        arriving.start();
        assertTrue(changed.await(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(OverrideB.class.getName(), core.lookups().require(FLASH_ATTN).className());
        assertEquals(1, override.inUse());

        release.countDown();
        arriving.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertEquals(0, override.inUse());
    }

    @Test
    void aStuckLeaseDelaysTheDepartureOnlyByTheDrainTimeoutWhichIsLoggedAndShown() throws Exception {
        configure(Map.of("drain.timeout", 100));
        holdALease(new CountDownLatch(1));

        assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS), () -> core.untrack(tracked));

        assertEquals(0, override.inUse(), "given back after the timeout");
        DrainTimeoutDTO timedOut = Arrays.stream(new RuntimeView(core).snapshot().drainTimeouts).findFirst().orElseThrow();
        assertEquals("FLASH_ATTN", timedOut.name);
        assertEquals(override.serviceId, timedOut.provider.id);
        assertEquals(1, timedOut.openLeases);
        assertEquals(List.of("lease-holder"), List.of(timedOut.threads));
        assertEquals(100, timedOut.timeout);
        assertEquals(1, log.count("left with 1 lease(s) still open after drain.timeout=100 ms, held by threads [lease-holder]"));
    }

    @Test
    void aLeaseHeldByTheDepartingThreadDoesNotMakeItWaitForItself() {
        configure(Map.of("drain.timeout", 60_000));
        try (BackendLease<AttentionBackend> lease = core.lookups().lease(FLASH_ATTN)) {
            // on this very thread: a preemptive timeout would run it on another one
            assertTimeout(Duration.ofSeconds(BOUND_SECONDS), () -> core.untrack(tracked));
            assertSame(overrideObject, lease.backend(), "the lease still names the object it was taken on");
        }
        assertEquals(0, core.drainTimeouts().size());
    }

    @Test
    void leasesOnAProviderServingAgainDoNotHoldUpTheDepartureOfItsEarlierObject() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        holdALease(release);
        FakeService better = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(5);
        TrackedService betterTracked = track(better); // the override is displaced; its departure waits...
        release.countDown();

        core.untrack(betterTracked); // ...and the override serves again, with a count of its own
        try (BackendLease<AttentionBackend> again = core.lookups().lease(FLASH_ATTN)) {
            assertSame(overrideObject, again.backend());
            assertEquals(1, serving().openLeases);
        }
    }

    @Test
    void oneThreadHoldingLeasesOnManyNamesAtOnceCountsEachOnItsOwnProvider() {
        List<AttentionBackendId> names = List.of(AttentionBackendId.TRITON_ATTN, AttentionBackendId.FLEX_ATTENTION,
                AttentionBackendId.TREE_ATTN, AttentionBackendId.ROCM_ATTN, AttentionBackendId.CPU_ATTN);
        for (AttentionBackendId name : names) {
            track(FakeService.of(new OverrideA(name.name()), name.name()));
        }
        List<BackendLease<AttentionBackend>> leases = new ArrayList<>();
        leases.add(core.lookups().lease(FLASH_ATTN));
        for (AttentionBackendId name : names) {
            leases.add(core.lookups().lease(name)); // more providers than the thread had room for at first
        }
        leases.add(core.lookups().lease(FLASH_ATTN));

        assertEquals(2, openLeases("FLASH_ATTN"));
        for (AttentionBackendId name : names) {
            assertEquals(1, openLeases(name.name()), name.name());
        }
        leases.forEach(BackendLease::close);
        assertEquals(0, openLeases("FLASH_ATTN"));
        for (AttentionBackendId name : names) {
            assertEquals(0, openLeases(name.name()), name.name());
        }
    }

    @Test
    void aLeaseTakenAfterOthersClosedOnThisThreadCountsOnlyOnItsOwnProvider() {
        track(FakeService.of(new OverrideA("TRITON_ATTN"), "TRITON_ATTN"));
        core.lookups().lease(FLASH_ATTN).close();

        try (BackendLease<AttentionBackend> lease = core.lookups().lease(AttentionBackendId.TRITON_ATTN)) {
            assertEquals(1, openLeases("TRITON_ATTN"));
            assertEquals(0, openLeases("FLASH_ATTN"));
        }
    }

    @Test
    void aWithdrawnRegistrationWithALeaseStillOpenWaitsForItWithinTheDrainTimeout() throws Exception {
        configure(Map.of("drain.timeout", 100));
        Object registration = core.register(FLASH_ATTN, new OverrideB("FLASH_ATTN"), CoreFixture.PLUGIN);
        holdALease(new CountDownLatch(1));

        assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS), () -> core.unregister(registration));

        assertEquals(1, core.drainTimeouts().size(), "the departure did not wait for the lease");
        assertEquals(OverrideB.class.getName(), core.drainTimeouts().get(0).provider().className());
    }

    @Test
    void aRegistrationClearedWithALeaseStillOpenWaitsForItWithinTheDrainTimeout() throws Exception {
        configure(Map.of("drain.timeout", 100));
        core.register(FLASH_ATTN, new OverrideB("FLASH_ATTN"), CoreFixture.PLUGIN);
        holdALease(new CountDownLatch(1));

        assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS), () -> core.clearOverride(FLASH_ATTN));

        assertEquals(1, core.drainTimeouts().size(), "the departure did not wait for the lease");
        assertEquals(DefaultImpl.class.getName(), core.lookups().require(FLASH_ATTN).className());
    }

    private int openLeases(String name) {
        NameDTO dto = Arrays.stream(new RuntimeView(core).snapshot().names).filter(n -> n.name.equals(name))
                .findFirst().orElseThrow();
        return dto.serving.openLeases;
    }

    /** Another thread takes a lease on FLASH_ATTN and holds it until {@code release}. */
    private void holdALease(CountDownLatch release) throws InterruptedException {
        CountDownLatch taken = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        holder = new Thread(() -> {
            try (BackendLease<AttentionBackend> lease = core.lookups().lease(FLASH_ATTN)) {
                taken.countDown();
                release.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failed.set(e);
                taken.countDown();
            }
        }, "lease-holder");
        holder.start();
        assertTrue(taken.await(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(null, failed.get());
    }

    private TrackedService track(FakeService service) {
        return core.track(AttentionBackendId.FAMILY, service.serviceId, CoreFixture.PLUGIN, service.properties::get, service);
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    private org.backendregistry.api.runtime.ProviderDTO serving() {
        NameDTO name = Arrays.stream(new RuntimeView(core).snapshot().names).filter(n -> n.name.equals("FLASH_ATTN"))
                .findFirst().orElseThrow();
        return name.serving;
    }
}
