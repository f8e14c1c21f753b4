package org.backendregistry.benchmarks;

import java.util.concurrent.TimeUnit;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Lookup throughput of two reader threads while a third starts and stops the FLASH_ATTN override
 * bundle as fast as it can ({@code churn}), against the same readers beside a third thread that only
 * burns CPU ({@code quiet}: the same share of two cores, no registry change) and against the readers
 * alone ({@code alone}). The groups run one after another, so background load that comes and goes
 * weighs on them unequally; {@link ChurnWindows} alternates the three in one process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChurnBenchmark {

    private static final String OVERRIDE_CLASS = "org.backendregistry.examples.flashattn.JvmFlashAttentionBackend";

    @Param({"1000"})
    public int services;

    private AttentionBackendId id = AttentionBackendId.FLASH_ATTN;
    private EmbeddedFelix felix;
    private BackendRegistry registry;
    private Bundle override;

    @Setup
    public void boot() throws BundleException {
        felix = EmbeddedFelix.start(true);
        felix.plugins().fillTo(services);
        registry = felix.registry();
        override = felix.install(EmbeddedFelix.FLASH_ATTN_OVERRIDE);
        String defaultClass = registry.path(id);
        override.start();
        SetupCheck.verify(registry.path(id).equals(OVERRIDE_CLASS),
                "FLASH_ATTN is served by " + registry.path(id) + " once the override bundle started");
        override.stop();
        SetupCheck.verify(registry.path(id).equals(defaultClass),
                "FLASH_ATTN is served by " + registry.path(id) + " once the override bundle stopped");
    }

    @TearDown
    public void stop() {
        felix.close();
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(2)
    public Object lookup() {
        return registry.backend(id);
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public void startStopOverride() throws BundleException {
        // transient: the cycle is the registry's and DS's work, not Felix writing the bundle's state to disk
        override.start(Bundle.START_TRANSIENT);
        override.stop(Bundle.STOP_TRANSIENT);
    }

    @Benchmark
    @Group("quiet")
    @GroupThreads(2)
    public Object lookupBesideBusyThread() {
        return registry.backend(id);
    }

    @Benchmark
    @Group("quiet")
    @GroupThreads(1)
    public void burnCpu() {
        Blackhole.consumeCPU(4096);
    }

    @Benchmark
    @Group("alone")
    @GroupThreads(2)
    public Object lookupAlone() {
        return registry.backend(id);
    }
}
