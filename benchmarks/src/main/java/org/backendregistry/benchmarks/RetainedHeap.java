package org.backendregistry.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained per tracked provider: the used heap after full collections, before and after
 * registering N AttentionBackend services (two per plugin name as in the benchmarks, then one per
 * name), in a framework
 * with the registry active and in the same framework without it. The difference per service is what
 * the registry keeps for each provider it tracks, including what the framework keeps because the
 * registry got the winner of each name.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.backendregistry.benchmarks.RetainedHeap
 * [providers] [rounds]}.
 */
public final class RetainedHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        int providers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "%d providers registered, median of %d rounds "
                + "(each round's figure in brackets)%n", providers, rounds);
        // two per name as in the benchmarks (half of them shadowed), then one per name: every provider serves
        for (int perName : new int[] {2, 1}) {
            List<Double> withRegistry = new ArrayList<>();
            List<Double> withoutRegistry = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                withoutRegistry.add(bytesPerService(false, providers, perName));
                withRegistry.add(bytesPerService(true, providers, perName));
            }
            double framework = median(withoutRegistry);
            double total = median(withRegistry);
            System.out.printf(Locale.ROOT, "%d provider(s) per name:%n", perName);
            System.out.printf(Locale.ROOT, "  framework alone, bytes per service:       %.0f  %s%n", framework,
                    withoutRegistry);
            System.out.printf(Locale.ROOT, "  framework + registry, bytes per service:  %.0f  %s%n", total,
                    withRegistry);
            System.out.printf(Locale.ROOT, "  retained by the registry, per provider:   %.0f bytes (target <= 1024)%n",
                    total - framework);
        }
    }

    private static double bytesPerService(boolean withRegistry, int providers, int perName)
            throws InterruptedException {
        try (EmbeddedFelix felix = EmbeddedFelix.start(withRegistry)) {
            int defaults = felix.plugins().attentionServices();
            // a first batch loads the classes and sizes the tables that every later registration reuses
            felix.plugins().fillTo(defaults + 200, perName);
            felix.plugins().unregisterAll();
            long before = usedAfterCollection();
            felix.plugins().fillTo(defaults + providers, perName);
            long after = usedAfterCollection();
            Reference.reachabilityFence(felix);
            return Math.round((after - before) / (double) providers * 10) / 10.0;
        }
    }

    /** @return the least used heap seen over several full collections */
    private static long usedAfterCollection() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
