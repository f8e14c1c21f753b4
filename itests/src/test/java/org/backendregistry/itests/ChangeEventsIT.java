package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Changes of the serving provider as listeners and EventAdmin subscribers see them: once per actual
 * change, with the right previous and new provider, after the new state is visible; a listener that
 * throws or calls back into the registry harms nobody.
 */
@ExamReactorStrategy(PerClass.class)
public class ChangeEventsIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject());
    }

    private final List<BackendChange> changes = new CopyOnWriteArrayList<>();

    private ServiceRegistration<BackendListener> listen(BackendListener listener, int ranking) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        return unregisterAfterTest(bundleContext.registerService(BackendListener.class, listener, properties));
    }

    private List<BackendChange> changesOf(AttentionBackendId id) {
        return changes.stream().filter(change -> change.id() == id).toList();
    }

    @Test
    public void startingAndStoppingAnOverrideIsAnnouncedOnceEachWithPreviousAndNewProvider() throws Exception {
        listen(changes::add, 0);
        Bundle flash = install("flash-attn-jvm");

        flash.start();
        flash.stop();

        List<BackendChange> flashChanges = changesOf(FLASH_ATTN);
        assertEquals(flashChanges.toString(), 2, flashChanges.size());
        BackendChange toJvm = flashChanges.get(0);
        assertEquals(CUDA_FLASH, toJvm.previous().map(BackendProvider::className).orElseThrow());
        assertEquals(JVM_FLASH_ATTN_CLASS, toJvm.current().map(BackendProvider::className).orElseThrow());
        assertEquals("org.backendregistry.examples.flash-attn-jvm", toJvm.current().orElseThrow().bundleSymbolicName());
        BackendChange back = flashChanges.get(1);
        assertEquals(toJvm.current(), back.previous());
        assertEquals(CUDA_FLASH, back.current().map(BackendProvider::className).orElseThrow());
        assertTrue(toJvm.generation() < back.generation());
    }

    @Test
    public void aPropertyChangeThatKeepsTheServerIsNoChangeButOneThatMovesItIs() {
        listen(changes::add, 0);
        ServiceRegistration<AttentionBackend> override = registerAttentionService(
                new TestAttentionBackend("FLASH_ATTN", "override"), "FLASH_ATTN", 1);
        assertEquals(1, changesOf(FLASH_ATTN).size());

        override.setProperties(properties("FLASH_ATTN", 50));
        assertEquals("a new ranking of the serving provider changes nothing anyone can observe",
                1, changesOf(FLASH_ATTN).size());

        override.setProperties(properties("TREE_ATTN", 50));
        assertEquals(2, changesOf(FLASH_ATTN).size());
        assertEquals(CUDA_FLASH, changesOf(FLASH_ATTN).get(1).current().orElseThrow().className());
        assertEquals(1, changesOf(AttentionBackendId.TREE_ATTN).size());
        assertEquals(TestAttentionBackend.class.getName(),
                changesOf(AttentionBackendId.TREE_ATTN).get(0).current().orElseThrow().className());
    }

    @Test
    public void aThrowingListenerDoesNotKeepOthersFromHearingNorBreakTheRegistry() {
        listen(change -> {
            throw new IllegalStateException("listener failure on purpose");
        }, 100);
        listen(changes::add, 0);

        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "override"), "FLASH_ATTN", 1);

        assertEquals(1, changesOf(FLASH_ATTN).size());
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
    }

    @Test
    public void aListenerThatCallsBackIntoTheRegistrySeesTheNewState() {
        List<String> seen = new CopyOnWriteArrayList<>();
        listen(change -> {
            if (change.id() == FLASH_ATTN) {
                seen.add(registry.path(FLASH_ATTN) + " overridden=" + registry.isOverridden(FLASH_ATTN));
            }
        }, 0);

        ServiceRegistration<AttentionBackend> override = registerAttentionService(
                new TestAttentionBackend("FLASH_ATTN", "override"), "FLASH_ATTN", 1);
        override.unregister();

        assertEquals(List.of(TestAttentionBackend.class.getName() + " overridden=true", CUDA_FLASH + " overridden=false"),
                seen);
    }

    @Test
    public void eventAdminSubscribersReceiveEachChangeOnTheBackendTopic() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> subscription = new Hashtable<>();
        subscription.put(EventConstants.EVENT_TOPIC, "org/backendregistry/*");
        unregisterAfterTest(bundleContext.registerService(EventHandler.class, events::add, subscription));
        // a change made by an earlier test may still be on its way to EventAdmin: only later ones count
        long generationBefore = registry.generation();
        Bundle flash = install("flash-attn-jvm");

        flash.start();
        Event started = nextEventAfter(generationBefore, events);
        flash.stop();
        Event stopped = nextEventAfter(generationBefore, events);

        assertEquals("org/backendregistry/backend/CHANGED", started.getTopic());
        assertEquals("FLASH_ATTN", started.getProperty("name"));
        assertEquals("attention", started.getProperty("family"));
        assertEquals(CUDA_FLASH, started.getProperty("previous.class"));
        assertEquals(JVM_FLASH_ATTN_CLASS, started.getProperty("current.class"));
        assertEquals("org.backendregistry.examples.flash-attn-jvm", started.getProperty("current.bundle"));
        assertEquals(JVM_FLASH_ATTN_CLASS, stopped.getProperty("previous.class"));
        assertEquals(CUDA_FLASH, stopped.getProperty("current.class"));
        assertTrue((Long) started.getProperty("generation") < (Long) stopped.getProperty("generation"));
    }

    private static Event nextEventAfter(long generation, BlockingQueue<Event> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        for (long left = SETTLE_TIMEOUT_MS; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            Event event = events.poll(left, TimeUnit.MILLISECONDS);
            if (event == null || (Long) event.getProperty("generation") > generation) {
                return event;
            }
        }
        return null;
    }
}
