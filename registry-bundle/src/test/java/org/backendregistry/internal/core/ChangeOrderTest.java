package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendChange;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

/** Changes reach the sink in generation order, whichever threads cause them, and the last one is the current state. */
class ChangeOrderTest {

    private static final long BOUND_SECONDS = 10;

    private final List<BackendChange> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch secondChangeMade = new CountDownLatch(1);
    private final AtomicReference<Thread> first = new AtomicReference<>();
    private final AtomicReference<Throwable> secondFailed = new AtomicReference<>();
    private RegistryCore core;

    @Test
    void aChangeMadeWhileAnEarlierOneIsBeingDeliveredArrivesAfterIt() throws Exception {
        core = new RegistryCore(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY), this::slowFirstDelivery,
                new RecordingLogger());
        FakeService defaultService = FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault();
        core.track(AttentionBackendId.FAMILY, defaultService.serviceId, CoreFixture.DEFAULTS,
                defaultService.properties::get, defaultService);
        received.clear();
        first.set(Thread.currentThread());

        FakeService a = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking(1);
        core.track(AttentionBackendId.FAMILY, a.serviceId, CoreFixture.PLUGIN, a.properties::get, a);

        assertEquals(null, secondFailed.get());
        assertEquals(2, received.size(), "both changes arrived: " + received);
        assertTrue(received.get(0).generation() < received.get(1).generation(), "in generation order: " + received);
        assertEquals(OverrideA.class.getName(), received.get(0).current().orElseThrow().className());
        assertEquals(OverrideB.class.getName(), received.get(1).current().orElseThrow().className());
        assertEquals(core.lookups().served(FLASH_ATTN).description(), received.get(1).current().orElseThrow(),
                "the last change describes what serves now");
    }

    /**
     * The first change is held up on the thread that made it until another thread has made a second
     * change and returned; it is recorded only then, so an unordered delivery would record the second first.
     */
    private void slowFirstDelivery(BackendChange change) {
        if (Thread.currentThread() == first.get() && first.compareAndSet(Thread.currentThread(), null)) {
            Thread second = new Thread(() -> {
                try {
                    FakeService b = FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN").ranking(2);
                    core.track(AttentionBackendId.FAMILY, b.serviceId, CoreFixture.PLUGIN, b.properties::get, b);
                } catch (Throwable e) {
                    secondFailed.set(e);
                } finally {
                    secondChangeMade.countDown();
                }
            });
            second.start();
            try {
                assertTrue(secondChangeMade.await(BOUND_SECONDS, TimeUnit.SECONDS), "the second change returned");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(change);
    }
}
