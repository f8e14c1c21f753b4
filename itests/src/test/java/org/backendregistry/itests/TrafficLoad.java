package org.backendregistry.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Worker threads that compute without pause until stopped, each result checked against the reference:
 * a computation fails when it throws or when its result differs by more than the tolerance.
 */
final class TrafficLoad {

    private static final int KEPT_FAILURES = 20;
    private static final long JOIN_BOUND_MS = 60_000;

    private final int workers;
    private final float[] reference;
    private final float tolerance;
    private final Supplier<float[]> computation;
    private final AtomicBoolean running = new AtomicBoolean();
    private final LongAdder computations = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    TrafficLoad(int workers, float[] reference, float tolerance, Supplier<float[]> computation) {
        this.workers = workers;
        this.reference = reference;
        this.tolerance = tolerance;
        this.computation = computation;
    }

    void start() {
        running.set(true);
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "traffic-" + i);
            worker.start();
            threads.add(worker);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : threads) {
            worker.join(JOIN_BOUND_MS);
            if (worker.isAlive()) {
                failures.add(worker.getName() + " did not stop within " + JOIN_BOUND_MS + " ms");
            }
        }
    }

    long computations() {
        return computations.sum();
    }

    long failureCount() {
        return failed.sum();
    }

    /** @return the first failures, in words */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void work() {
        while (running.get()) {
            String failure;
            try {
                failure = differs(computation.get());
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            computations.increment();
            if (failure != null) {
                failed.increment();
                if (failures.size() < KEPT_FAILURES) {
                    failures.add(failure);
                }
            }
        }
    }

    private String differs(float[] result) {
        float worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(result[i] - reference[i]));
        }
        return worst <= tolerance ? null : "a result differs from the reference by " + worst;
    }
}
