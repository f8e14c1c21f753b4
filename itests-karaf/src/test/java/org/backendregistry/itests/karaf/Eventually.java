package org.backendregistry.itests.karaf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A bounded wait for state that Karaf changes on threads of its own (FileInstall's poll of deploy/, the features
 * deployer, ConfigAdmin): re-checks the condition every few milliseconds and gives up after the bound.
 */
final class Eventually {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

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
