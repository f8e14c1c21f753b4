package org.backendregistry.benchmarks;

/** Stops a benchmark whose setup does not measure what it claims to, before JMH measures anything. */
final class SetupCheck {

    private SetupCheck() {
    }

    /** @throws IllegalStateException with {@code problem} unless {@code condition} holds */
    static void verify(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
