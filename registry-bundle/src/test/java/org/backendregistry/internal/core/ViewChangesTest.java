package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

/**
 * What the runtime view shows changes also when nothing serves differently, and the sink hears of it
 * once the change is visible: the count the shell and the Web Console wait on depends on it.
 */
class ViewChangesTest {

    private static final List<BackendFamily<?>> FAMILIES = List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY);
    private static final long BOUND_SECONDS = 10;

    private final List<BackendChange> changes = new CopyOnWriteArrayList<>();
    /** the runtime view as the sink saw it at each view change */
    private final List<RegistryRuntimeDTO> views = new CopyOnWriteArrayList<>();
    private final AtomicReference<RegistryCore> self = new AtomicReference<>();
    private final RegistryCore core = new RegistryCore(FAMILIES,
            new ChangeSink() {
                @Override
                public void changed(BackendChange change) {
                    changes.add(change);
                }

                @Override
                public void viewChanged() {
                    views.add(new RuntimeView(self.get()).snapshot());
                }
            }, new RecordingLogger());

    ViewChangesTest() {
        self.set(core);
    }

    private TrackedService track(FakeService service) {
        return core.track(AttentionBackendId.FAMILY, service.serviceId, CoreFixture.PLUGIN, service.properties::get,
                service);
    }

    @Test
    void aRejectedServiceIsAViewChangeSeenWithItsFailureAndItsDepartureOneSeenWithout() {
        FakeService lowercase = FakeService.of(new OverrideA("flash_attn"), "flash_attn");

        TrackedService tracked = track(lowercase);

        assertTrue(changes.isEmpty(), "nothing serves differently: " + changes);
        assertEquals(1, views.size());
        FailedServiceDTO[] failures = views.get(0).failedServices;
        assertEquals(1, failures.length, Arrays.toString(failures));
        assertEquals(lowercase.serviceId, failures[0].serviceId);
        assertEquals(FailureReason.INVALID_NAME, failures[0].reason);

        core.untrack(tracked);

        assertEquals(2, views.size());
        assertEquals(0, views.get(1).failedServices.length);
    }

    @Test
    void aShadowedProviderComingAndGoingIsAViewChangeThoughTheServingProviderStays() {
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault().ranking(5));
        int servingChanges = changes.size();
        int viewChanges = views.size();
        FakeService shadowed = FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();

        TrackedService tracked = track(shadowed);

        assertEquals(servingChanges, changes.size(), "the ranked default still serves: " + changes);
        assertTrue(views.size() > viewChanges, "no view change for a provider that joined the losers");
        assertEquals(1, flashAttn(views.get(views.size() - 1)).notServing.length);
        assertEquals(shadowed.serviceId, flashAttn(views.get(views.size() - 1)).notServing[0].provider.id);

        viewChanges = views.size();
        core.untrack(tracked);

        assertTrue(views.size() > viewChanges, "no view change for a loser that left");
        assertEquals(0, flashAttn(views.get(views.size() - 1)).notServing.length);
        assertEquals(servingChanges, changes.size());
    }

    @Test
    void aDepartureThatGaveUpWaitingForALeaseIsAViewChangeSeenWithTheTimeout() throws InterruptedException {
        core.configure(RegistryConfiguration.read(Map.of("drain.timeout", 100), FAMILIES));
        TrackedService tracked = track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (BackendLease<?> lease = core.lookups().lease(AttentionBackendId.FLASH_ATTN)) {
                taken.countDown();
                release.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "lease-holder");
        holder.start();
        try {
            assertTrue(taken.await(BOUND_SECONDS, TimeUnit.SECONDS));

            core.untrack(tracked); // returns once the drain timeout passed

            assertEquals(1, views.get(views.size() - 1).drainTimeouts.length,
                    "the last view change did not show the departure that gave up");
        } finally {
            release.countDown();
            holder.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
    }

    private static NameDTO flashAttn(RegistryRuntimeDTO view) {
        return Arrays.stream(view.names).filter(name -> name.name.equals("FLASH_ATTN")).findFirst().orElseThrow();
    }
}
