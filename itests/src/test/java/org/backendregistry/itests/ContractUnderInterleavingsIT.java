package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.itests.owner.RegistrationOwnerBundle;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The contract where two threads meet: changes arrive in order, and nothing is served after the call
 * that withdrew it returned. Each test holds one thread inside the registry (a listener or a
 * {@code getService} that waits on a latch) while another thread acts, which is where a registry that
 * published late or delivered out of order would show it.
 */
@ExamReactorStrategy(PerClass.class)
public class ContractUnderInterleavingsIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    /**
     * How long a held thread waits for the other one. A registry that keeps its contract may make the
     * held thread wait this long (the other thread rightly waits for it); one that breaks it does not.
     */
    private static final long HOLD_MS = 2_000;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), RegistrationOwnerBundle.built(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject());
    }

    @Test
    public void aChangeMadeWhileAnEarlierOneIsBeingDeliveredReachesListenersAndEventAdminAfterIt() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "org/backendregistry/*");
        long before = registry.generation();
        unregisterAfterTest(bundleContext.registerService(EventHandler.class, event -> {
            if ("FLASH_ATTN".equals(event.getProperty("name")) && (Long) event.getProperty("generation") > before) {
                events.add(event);
            }
        }, topic));
        List<BackendChange> received = new CopyOnWriteArrayList<>();
        Thread first = Thread.currentThread();
        AtomicBoolean held = new AtomicBoolean();
        CountDownLatch secondReturned = new CountDownLatch(1);
        AtomicReference<ServiceRegistration<AttentionBackend>> second = new AtomicReference<>();
        unregisterAfterTest(bundleContext.registerService(BackendListener.class, change -> {
            if (change.id() == FLASH_ATTN && Thread.currentThread() == first && held.compareAndSet(false, true)) {
                // the first change is held up until a second change, made on another thread, has returned
                new Thread(() -> {
                    second.set(registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "second"), "FLASH_ATTN", 2));
                    secondReturned.countDown();
                }).start();
                await(secondReturned);
            }
            if (change.id() == FLASH_ATTN) {
                received.add(change);
            }
        }, null));

        ServiceRegistration<AttentionBackend> firstOverride = registerAttentionService(
                new TestAttentionBackend("FLASH_ATTN", "first"), "FLASH_ATTN", 1);
        assertTrue(secondReturned.await(HOLD_MS, TimeUnit.MILLISECONDS));

        long served = serviceId(second.get());
        assertEquals("served now", served, registry.serving(FLASH_ATTN).orElseThrow().id());
        awaitRegistry(r -> received.size() == 2);
        assertEquals("both changes, the first first: " + received, List.of(serviceId(firstOverride), served),
                received.stream().map(c -> c.current().orElseThrow().id()).toList());
        assertTrue(received.get(0).generation() < received.get(1).generation());
        Event firstEvent = events.poll(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Event secondEvent = events.poll(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull("EventAdmin posted the first change", firstEvent);
        assertNotNull("EventAdmin posted the second change", secondEvent);
        assertEquals(serviceId(firstOverride), firstEvent.getProperty("current.id"));
        assertEquals("the last event describes what serves now", served, secondEvent.getProperty("current.id"));
    }

    @Test
    public void aServiceUnregisteredWhileItsObjectIsBeingObtainedIsNotServedOnceUnregisterReturned()
            throws Exception {
        TestAttentionBackend object = new TestAttentionBackend("FLASH_ATTN", "being obtained");
        CountDownLatch unregisterReturned = new CountDownLatch(1);
        AtomicReference<Object> servedAfterUnregister = new AtomicReference<>("nothing announced it");
        AtomicReference<Long> factoryServiceId = new AtomicReference<>(-1L);
        // a change that announces the object after unregister() returned is a late publication: what serves then?
        unregisterAfterTest(bundleContext.registerService(BackendListener.class, change -> {
            if (change.current().map(p -> p.id() == factoryServiceId.get()).orElse(false)
                    && unregisterReturned.getCount() == 0) {
                servedAfterUnregister.set(registry.backend(FLASH_ATTN));
            }
        }, null));
        AtomicBoolean first = new AtomicBoolean(true);
        ServiceFactory<AttentionBackend> factory = new ServiceFactory<>() {
            @Override
            public AttentionBackend getService(Bundle bundle, ServiceRegistration<AttentionBackend> registration) {
                if (first.getAndSet(false)) {
                    // the service is unregistered on another thread, and unregister() returns, while its
                    // object is still being obtained on this one
                    factoryServiceId.set((Long) registration.getReference().getProperty(Constants.SERVICE_ID));
                    new Thread(() -> {
                        registration.unregister();
                        unregisterReturned.countDown();
                    }).start();
                    await(unregisterReturned);
                }
                return object;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<AttentionBackend> registration,
                    AttentionBackend service) {
                // nothing to release
            }
        };

        bundleContext.registerService(AttentionBackend.class.getName(), factory, properties("FLASH_ATTN", 100));

        assertEquals("unregister() returned while the object was being obtained", 0, unregisterReturned.getCount());
        assertNotEquals("the object of a service whose unregister() had returned", object, servedAfterUnregister.get());
        assertNotEquals(object, registry.backend(FLASH_ATTN));
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void aRegistrationMadeWhileItsBundleStopsOnAnotherThreadIsGoneWhenStopReturns() throws Exception {
        Bundle owner = startOwner();
        BackendRegistry ownersRegistry = registryOf(owner);
        AtomicReference<Optional<BackendProvider>> servedWhenStopReturned = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopReturned = new CountDownLatch(1);
        unregisterAfterTest(bundleContext.registerService(BackendListener.class, change -> {
            boolean ownersRegistration = change.current().map(p -> p.bundleId() == owner.getBundleId()).orElse(false);
            if (ownersRegistration && stopping.compareAndSet(false, true)) {
                new Thread(() -> {
                    stop(owner);
                    servedWhenStopReturned.set(registry.serving(FLASH_ATTN));
                    stopReturned.countDown();
                }).start();
                await(stopReturned);
            }
        }, null));

        try {
            ownersRegistry.register(FLASH_ATTN, TestAttentionBackend.class);
        } catch (IllegalStateException releasedMeanwhile) {
            // the owner released the registry while the registration was made: refusing it is right
        }

        assertTrue("stop() returned", stopReturned.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertTrue("the owner's stop() began while its registration was being made", stopping.get());
        assertFalse("served by the owner's registration once its stop() had returned: " + servedWhenStopReturned.get(),
                servedWhenStopReturned.get().map(p -> p.bundleId() == owner.getBundleId()).orElse(false));
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void aRegistrationBeingClosedOnAnotherThreadIsGoneWhenItsBundlesStopReturns() throws Exception {
        Bundle owner = startOwner();
        BackendRegistration registration = registryOf(owner).register(FLASH_ATTN, TestAttentionBackend.class);
        assertEquals(owner.getBundleId(), registry.serving(FLASH_ATTN).orElseThrow().bundleId());
        // the next provider's getService holds the closing thread inside the withdrawal until stop() returned
        CountDownLatch obtainingNext = new CountDownLatch(1);
        CountDownLatch stopReturned = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        TestAttentionBackend next = new TestAttentionBackend("FLASH_ATTN", "next");
        unregisterAfterTest(bundleContext.registerService(AttentionBackend.class.getName(), new ServiceFactory<AttentionBackend>() {
            @Override
            public AttentionBackend getService(Bundle bundle, ServiceRegistration<AttentionBackend> reg) {
                if (armed.getAndSet(false)) {
                    obtainingNext.countDown();
                    await(stopReturned);
                }
                return next;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<AttentionBackend> reg, AttentionBackend service) {
                // nothing to release
            }
        }, properties("FLASH_ATTN", 100)));
        Thread closer = new Thread(registration::close);

        closer.start();
        assertTrue("the closing thread obtains the next provider",
                obtainingNext.await(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        owner.stop();
        Optional<BackendProvider> servedWhenStopReturned = registry.serving(FLASH_ATTN);
        stopReturned.countDown();
        closer.join(SETTLE_TIMEOUT_MS);

        assertFalse("served by the owner's registration once its stop() had returned: " + servedWhenStopReturned,
                servedWhenStopReturned.map(p -> p.bundleId() == owner.getBundleId()).orElse(false));
        assertEquals(next, registry.backend(FLASH_ATTN));
    }

    private Bundle startOwner() throws Exception {
        Bundle owner = install(RegistrationOwnerBundle.JAR);
        owner.start();
        return owner;
    }

    /** @return the registry as {@code owner} sees it: its registrations belong to that bundle */
    private static BackendRegistry registryOf(Bundle owner) {
        BundleContext context = owner.getBundleContext();
        ServiceReference<BackendRegistry> reference = context.getServiceReference(BackendRegistry.class);
        return context.getService(reference);
    }

    private static void stop(Bundle bundle) {
        try {
            bundle.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code latch} at most {@link #HOLD_MS}: the other thread may rightly be waiting for this one. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(HOLD_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
