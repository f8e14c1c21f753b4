package org.backendregistry.benchmarks;

import java.util.Dictionary;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What one provider coming and going costs, with 30, 1,000 and 10,000 AttentionBackend services
 * present: once with the registry tracking them (it switches the name to the newcomer and back,
 * getting and releasing the newcomer's object), once in the same framework without the registry but
 * with one plain ServiceTracker open in another bundle (which gets every service it tracks). The
 * services are registered from the system bundle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UpdateBenchmark {

    @Param({"30", "1000", "10000"})
    public int services;

    /** {@code registry}: the registry bundle is active; {@code tracker}: one ServiceTracker, no registry. */
    @Param({"registry", "tracker"})
    public String with;

    private EmbeddedFelix felix;
    private BundleContext context;
    private ServiceTracker<AttentionBackend, AttentionBackend> tracker;
    private final AttentionBackend override = new PluginBackend("FLASH_ATTN");
    private final Dictionary<String, Object> properties = PluginProviders.properties("FLASH_ATTN", 100, false);
    private final AttentionBackend newNameProvider = new PluginBackend("NEW_NAME");
    private final Dictionary<String, Object> newNameProperties = PluginProviders.properties("NEW_NAME", 0, false);

    @Setup
    public void boot() throws InterruptedException, ExecutionException {
        // Felix leaves a ThreadLocal entry in every thread that gets a service: the thousands of services
        // are registered (and got by the tracker) elsewhere, so the measuring thread starts clean
        FutureTask<Void> setup = new FutureTask<>(this::populate, null);
        new Thread(setup, "benchmark setup").start();
        setup.get();
    }

    private void populate() {
        boolean withRegistry = with.equals("registry");
        felix = EmbeddedFelix.start(withRegistry);
        context = felix.context();
        felix.plugins().fillTo(services);
        if (withRegistry) {
            BackendRegistry registry = felix.registry();
            // DS disposes the default's object while the override shadows it: compare classes, not objects
            String before = registry.path(AttentionBackendId.FLASH_ATTN);
            ServiceRegistration<AttentionBackend> registration = register();
            SetupCheck.verify(registry.backend(AttentionBackendId.FLASH_ATTN) == override,
                    "the registry does not serve the override once it is registered");
            registration.unregister();
            SetupCheck.verify(registry.path(AttentionBackendId.FLASH_ATTN).equals(before),
                    "the registry does not serve the default again once the override is gone");
        } else {
            // a consumer's tracker lives in its own bundle: Felix then checks, for every event, that the
            // consumer sees the registering bundle's AttentionBackend class, as it does for the registry
            tracker = new ServiceTracker<>(felix.contextOf(EmbeddedFelix.CPU_BACKENDS), AttentionBackend.class, null);
            tracker.open();
            SetupCheck.verify(tracker.size() == services, "the tracker sees " + tracker.size() + " services");
        }
    }

    @TearDown
    public void stop() {
        if (tracker != null) {
            tracker.close();
        }
        felix.close();
    }

    /**
     * An override of FLASH_ATTN comes and goes: the registry switches the name to it and back. The DS
     * default it shadows is released meanwhile, so DS disposes that object and creates a new one.
     */
    @Benchmark
    public ServiceRegistration<AttentionBackend> overrideComesAndGoes() {
        ServiceRegistration<AttentionBackend> registration = register();
        registration.unregister();
        return registration;
    }

    /** A provider of a name nobody else serves comes and goes: the name appears and is forgotten. */
    @Benchmark
    public ServiceRegistration<AttentionBackend> newNameComesAndGoes() {
        ServiceRegistration<AttentionBackend> registration = context.registerService(AttentionBackend.class,
                newNameProvider, newNameProperties);
        registration.unregister();
        return registration;
    }

    private ServiceRegistration<AttentionBackend> register() {
        return context.registerService(AttentionBackend.class, override, properties);
    }
}
