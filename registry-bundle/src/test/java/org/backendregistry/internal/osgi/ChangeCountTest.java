package org.backendregistry.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.backendregistry.api.BackendChange;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeCountTest {

    private static final long BOUND_SECONDS = 10;

    private final List<BackendChange> delivered = new ArrayList<>();
    private final ChangeCount count = new ChangeCount(delivered::add, System.getLogger("test"));
    private final Publications publications = new Publications();

    @AfterEach
    void stop() {
        count.close();
    }

    @Test
    void aServingChangeIsCountedAndPassedOnAndAConfigurationAppliedIsCounted() {
        BackendChange change = new BackendChange(AttentionBackendId.FLASH_ATTN, Optional.empty(), Optional.empty(), 1);

        count.changed(change);
        count.increment();

        assertEquals(2, count.current());
        assertEquals(1, delivered.size());
        assertSame(change, delivered.get(0));
    }

    @Test
    void aChangeOfTheRuntimeViewAloneIsCountedButNotPassedOnAsAServingChange() {
        count.viewChanged();

        assertEquals(1, count.current());
        assertTrue(delivered.isEmpty(), delivered.toString());
    }

    @Test
    void startingPublishesTheChangesCountedSinceTheInitialValueAndNothingElse() throws InterruptedException {
        count.increment();
        count.increment();
        count.increment();

        count.start(1, publications);
        publications.awaitValue(3);
        count.increment();
        publications.awaitValue(4);

        assertEquals(List.of(3L, 4L), publications.values());
    }

    @Test
    void aBurstOfChangesDuringAPublicationIsPublishedOnceAsItsNewestCount() throws InterruptedException {
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        count.start(0, value -> {
            if (value == 1) {
                publishing.countDown();
                await(release);
            }
            publications.accept(value);
        });

        count.increment();
        assertTrue(publishing.await(BOUND_SECONDS, TimeUnit.SECONDS), "the first publication did not start");
        for (int i = 0; i < 1_000; i++) {
            count.increment();
        }
        release.countDown();
        publications.awaitValue(1_001);

        assertEquals(List.of(1L, 1_001L), publications.values());
    }

    @Test
    void countsFromManyThreadsArePublishedInIncreasingOrderUpToTheLast() throws InterruptedException {
        int threads = 4;
        int perThread = 10_000;
        count.start(0, publications);
        List<Thread> changers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread changer = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    count.increment();
                }
            });
            changers.add(changer);
            changer.start();
        }
        for (Thread changer : changers) {
            changer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
        publications.awaitValue((long) threads * perThread);

        List<Long> values = publications.values();
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) < values.get(i), "published " + values.get(i) + " after " + values.get(i - 1));
        }
        assertEquals((long) threads * perThread, values.get(values.size() - 1));
    }

    @Test
    void aPublicationThatFailsLeavesTheThreadPublishingTheNextChange() throws InterruptedException {
        count.start(0, value -> {
            if (value == 1) {
                throw new IllegalArgumentException("refused");
            }
            publications.accept(value);
        });

        count.increment();
        count.increment();
        publications.awaitValue(2);

        assertTrue(count.isPublishing());
    }

    @Test
    void closingStopsTheThreadAndLaterChangesAreOnlyCounted() throws InterruptedException {
        count.start(0, publications);
        count.increment();
        publications.awaitValue(1);

        count.close();
        count.increment();

        assertFalse(count.isPublishing());
        assertEquals(2, count.current());
        assertEquals(List.of(1L), publications.values());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the thread published, in order, and a bounded wait for a value. */
    private static final class Publications implements LongConsumer {

        private final List<Long> values = new ArrayList<>();

        @Override
        public synchronized void accept(long value) {
            values.add(value);
            notifyAll();
        }

        synchronized List<Long> values() {
            return List.copyOf(values);
        }

        synchronized void awaitValue(long expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (!values.contains(expected)) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "not published within " + BOUND_SECONDS + " s: " + expected + "; published " + values);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
