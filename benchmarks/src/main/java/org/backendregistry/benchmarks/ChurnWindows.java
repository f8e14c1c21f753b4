package org.backendregistry.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.openjdk.jmh.infra.Blackhole;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The churn comparison of {@link ChurnBenchmark}, made robust against a machine shared with other work:
 * two readers look FLASH_ATTN up without pause while a third thread switches, every second, between
 * doing nothing, starting and stopping the override bundle, and burning CPU. The medians over many
 * alternating windows compare the three under the same background load.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.backendregistry.benchmarks.ChurnWindows
 * [rounds]}.
 */
public final class ChurnWindows {

    private enum Third { IDLE, CHURN, BUSY }

    private static volatile Third third = Third.IDLE;
    private static volatile boolean done;
    private static volatile Object sink;

    private ChurnWindows() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (EmbeddedFelix felix = EmbeddedFelix.start(true)) {
            felix.plugins().fillTo(1000);
            BackendRegistry registry = felix.registry();
            Bundle override = felix.install(EmbeddedFelix.FLASH_ATTN_OVERRIDE);
            AtomicLong reads = new AtomicLong();
            Thread[] threads = {reader(registry, reads), reader(registry, reads), third(override)};
            Arrays.stream(threads).forEach(Thread::start);
            double[][] rates = new double[Third.values().length][rounds];
            for (int round = -2; round < rounds; round++) { // two rounds of warm-up
                for (Third mode : Third.values()) {
                    third = mode;
                    Thread.sleep(200);
                    long before = reads.get();
                    long start = System.nanoTime();
                    Thread.sleep(800);
                    double perMicrosecond = (reads.get() - before) / ((System.nanoTime() - start) / 1e3);
                    if (round >= 0) {
                        rates[mode.ordinal()][round] = perMicrosecond;
                    }
                }
            }
            done = true;
            for (Thread thread : threads) {
                thread.join();
            }
            report(rates, rounds);
        }
    }

    private static Thread reader(BackendRegistry registry, AtomicLong reads) {
        return new Thread(() -> {
            Object last = null;
            while (!done) {
                for (int i = 0; i < 10_000; i++) {
                    last = registry.backend(AttentionBackendId.FLASH_ATTN);
                }
                reads.addAndGet(10_000);
            }
            sink = last;
        }, "reader");
    }

    private static Thread third(Bundle override) {
        return new Thread(() -> {
            try {
                while (!done) {
                    switch (third) {
                        case CHURN -> {
                            override.start(Bundle.START_TRANSIENT);
                            override.stop(Bundle.STOP_TRANSIENT);
                        }
                        case BUSY -> Blackhole.consumeCPU(4096);
                        case IDLE -> Thread.sleep(1);
                    }
                }
            } catch (BundleException | InterruptedException e) {
                throw new IllegalStateException("The third thread stopped: " + e, e);
            }
        }, "third");
    }

    private static void report(double[][] rates, int rounds) {
        double[] median = new double[rates.length];
        for (Third mode : Third.values()) {
            double[] sorted = rates[mode.ordinal()].clone();
            Arrays.sort(sorted);
            median[mode.ordinal()] = sorted[rounds / 2];
            System.out.printf(Locale.ROOT, "2 readers, third thread %-5s  median %6.0f lookups/us  "
                    + "(min %.0f, max %.0f)%n", mode.name().toLowerCase(Locale.ROOT), median[mode.ordinal()], sorted[0],
                    sorted[rounds - 1]);
        }
        double churn = median[Third.CHURN.ordinal()];
        System.out.printf(Locale.ROOT, "churn / busy: %.2f   churn / idle: %.2f   busy / idle: %.2f  "
                + "(target >= 0.80)%n", churn / median[Third.BUSY.ordinal()], churn / median[Third.IDLE.ordinal()],
                median[Third.BUSY.ordinal()] / median[Third.IDLE.ordinal()]);
    }
}
