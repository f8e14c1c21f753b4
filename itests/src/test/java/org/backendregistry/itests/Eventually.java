package org.backendregistry.itests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A bounded wait for state that changes without an event the test can observe, such as ConfigAdmin
 * delivering a configuration on its own thread: re-checks the condition every few milliseconds, as
 * Awaitility does, and gives up after the bound. (Awaitility itself needs hamcrest 2, which clashes
 * with the hamcrest 1.3 that JUnit 4 brings into the framework.)
 */
final class Eventually {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Eventually() {
    }

    /** @return whether {@code condition} held within {@code timeoutMs} */
    static boolean holds(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // the state is still changing: ask again
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
