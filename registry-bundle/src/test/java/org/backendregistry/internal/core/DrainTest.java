package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Departures that give up waiting for leases, as the log and the runtime view tell of them. The leases are
 * taken by one thread that has ended before the departures start, so that each departure gives up at once
 * (a drain timeout of 0 ms) and the rest runs on the test's thread.
 */
class DrainTest {

    private static final long BOUND_SECONDS = 10;

    private final RecordingLogger log = new RecordingLogger();
    private final AtomicInteger shown = new AtomicInteger();
    private final AtomicInteger givenBack = new AtomicInteger();
    private final Drain drain = new Drain(log, () -> 0, shown::incrementAndGet);
    private final List<Hold> holds = new ArrayList<>();
    // kept here: a thread that leased is known to the departures only while it can be reached
    private Thread leaseHolder;

    @BeforeEach
    void oneEndedThreadHoldsOneMoreLeaseOnEachOfTwentyOneObjectsThanOnTheOneBefore() throws InterruptedException {
        for (int i = 0; i < Drain.REMEMBERED + 1; i++) {
            holds.add(new Hold(new Object()));
        }
        leaseHolder = new Thread(() -> {
            for (int i = 0; i < holds.size(); i++) {
                LeaseCount leases = holds.get(i).leasesToTake();
                for (int lease = 0; lease <= i; lease++) {
                    leases.opened(ThreadLeases.current());
                }
            }
        }, "lease-holder");
        leaseHolder.start();
        leaseHolder.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertFalse(leaseHolder.isAlive());
    }

    @Test
    void aDepartureOfAnUnknownNameAndProviderIsLoggedAsAProviderAndGivenBack() {
        drain.giveBack(null, null, acquisition(), holds.get(0));

        assertEquals(List.of("A provider left with 1 lease(s) still open after drain.timeout=0 ms, held by threads "
                + "[lease-holder]; its object is given back now and may fail the calls still running in it"),
                log.messages);
        assertEquals(1, givenBack.get());
        assertEquals(1, shown.get());
    }

    @Test
    void theRuntimeViewKeepsTheLastTwentyDeparturesThatGaveUpOldestFirst() {
        holds.forEach(hold -> drain.giveBack(null, null, acquisition(), hold));

        List<Drain.TimedOut> remembered = drain.timedOut();
        assertEquals(Drain.REMEMBERED, remembered.size());
        assertEquals(2, remembered.get(0).openLeases(), "the first departure, with 1 lease, is forgotten");
        assertEquals(Drain.REMEMBERED + 1, remembered.get(Drain.REMEMBERED - 1).openLeases());
        assertEquals(List.of("lease-holder"), remembered.get(0).threads());
        assertEquals(Drain.REMEMBERED + 1, givenBack.get());
        assertEquals(Drain.REMEMBERED + 1, shown.get());
    }

    private Acquisition acquisition() {
        return new Acquisition(new ServiceSource() {
            @Override
            public Object get() {
                throw new AssertionError("a departure obtains nothing");
            }

            @Override
            public void unget() {
                givenBack.incrementAndGet();
            }
        });
    }
}
