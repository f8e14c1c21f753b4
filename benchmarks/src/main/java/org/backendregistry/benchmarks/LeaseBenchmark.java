package org.backendregistry.benchmarks;

import java.util.concurrent.TimeUnit;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a lease costs beside a plain lookup: taking and closing one on FLASH_ATTN, on one thread and on
 * four threads leasing the same provider at once (where one shared counter would collapse).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LeaseBenchmark {

    // a field, not a constant, so that the JIT cannot fold the lookups away
    private AttentionBackendId id = AttentionBackendId.FLASH_ATTN;

    private EmbeddedFelix felix;
    private BackendRegistry registry;

    @Setup
    public void boot() {
        felix = EmbeddedFelix.start(true);
        registry = felix.registry();
    }

    @TearDown
    public void shutdown() {
        felix.close();
    }

    @Benchmark
    public Object lookup() {
        return registry.backend(id);
    }

    @Benchmark
    public Object leaseAndClose() {
        try (BackendLease<AttentionBackend> lease = registry.lease(id)) {
            return lease.backend();
        }
    }

    @Benchmark
    @Threads(4)
    public Object lookupFourThreads() {
        return registry.backend(id);
    }

    @Benchmark
    @Threads(4)
    public Object leaseAndCloseFourThreads() {
        try (BackendLease<AttentionBackend> lease = registry.lease(id)) {
            return lease.backend();
        }
    }
}
