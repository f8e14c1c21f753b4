package org.backendregistry.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.backendregistry.api.BackendConstants;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finding the object that serves FLASH_ATTN, six ways, with 30, 1,000 and 10,000 AttentionBackend
 * services registered: the registry by id and by name, the usual OSGi filter lookup and tracker scan,
 * and the two plain-Java floors (a ConcurrentHashMap get, a volatile array read by ordinal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LookupBenchmark {

    /** AttentionBackend services registered: the catalog defaults, then plugin providers, two per name. */
    @Param({"30", "1000", "10000"})
    public int services;

    // fields, not constants, so that the JIT cannot fold the lookups away
    private AttentionBackendId id = AttentionBackendId.FLASH_ATTN;
    private String name = "FLASH_ATTN";
    private String pluginName;
    private String filter = "(" + BackendConstants.BACKEND_NAME + "=FLASH_ATTN)";

    private EmbeddedFelix felix;
    private BundleContext context;
    private BackendRegistry registry;
    private ServiceTracker<AttentionBackend, AttentionBackend> tracker;
    private ConcurrentHashMap<String, Object> map;
    private volatile Object[] array;

    @Setup
    public void boot() throws InvalidSyntaxException {
        felix = EmbeddedFelix.start(true);
        context = felix.context();
        List<String> plugins = felix.plugins().fillTo(services);
        registry = felix.registry();
        tracker = new ServiceTracker<>(context, AttentionBackend.class, null);
        tracker.open();

        Object served = registry.backend(id);
        map = new ConcurrentHashMap<>();
        for (AttentionBackendId catalogId : AttentionBackendId.values()) {
            map.put(catalogId.name(), catalogId);
        }
        for (String plugin : plugins) {
            map.put(plugin, plugin);
        }
        map.put(name, served);
        Object[] slots = new Object[AttentionBackendId.values().length];
        slots[id.ordinal()] = served;
        array = slots;
        pluginName = plugins.get(plugins.size() / 2);

        SetupCheck.verify(felix.plugins().attentionServices() == services,
                "expected " + services + " attention services, found " + felix.plugins().attentionServices());
        SetupCheck.verify(filterLookup() == served, "the filter lookup disagrees with the registry");
        SetupCheck.verify(trackerScan() == served, "the tracker scan disagrees with the registry");
        SetupCheck.verify(registryByName() == served, "the lookup by name disagrees with the lookup by id");
        SetupCheck.verify(registryByPluginName() instanceof PluginBackend plugin
                && plugin.name().equals(pluginName), pluginName + " is not served by its plugin");
    }

    @TearDown
    public void stop() {
        tracker.close();
        felix.close();
    }

    /** The registry's fast path: array slot by ordinal, then the published volatile. */
    @Benchmark
    public Object registryBackend() {
        return registry.backend(id);
    }

    /** The seed's {@code AttentionBackendEnum["FLASH_ATTN"]} then the lookup. */
    @Benchmark
    public Object registryByName() {
        return registry.backend(AttentionBackendId.FAMILY, name);
    }

    /** A plugin name (outside the catalog): one read of the family's name map. */
    @Benchmark
    public Object registryByPluginName() {
        return registry.backend(AttentionBackendId.FAMILY, pluginName);
    }

    /** The usual OSGi way: filter over every AttentionBackend, pick the highest ranked, get and unget. */
    @Benchmark
    public Object filterLookup() throws InvalidSyntaxException {
        Collection<ServiceReference<AttentionBackend>> references = context.getServiceReferences(
                AttentionBackend.class, filter);
        ServiceReference<AttentionBackend> best = null;
        for (ServiceReference<AttentionBackend> reference : references) {
            if (best == null || reference.compareTo(best) > 0) {
                best = reference;
            }
        }
        AttentionBackend backend = context.getService(best);
        context.ungetService(best);
        return backend;
    }

    /** An open ServiceTracker of every AttentionBackend, scanned for the name and the highest ranking. */
    @Benchmark
    public Object trackerScan() {
        ServiceReference<AttentionBackend>[] references = tracker.getServiceReferences();
        ServiceReference<AttentionBackend> best = null;
        for (ServiceReference<AttentionBackend> reference : references) {
            if (name.equals(reference.getProperty(BackendConstants.BACKEND_NAME))
                    && (best == null || reference.compareTo(best) > 0)) {
                best = reference;
            }
        }
        return tracker.getService(best);
    }

    /** The floor for a lookup by name. */
    @Benchmark
    public Object concurrentHashMapGet() {
        return map.get(name);
    }

    /** The same floor, for the plugin name. */
    @Benchmark
    public Object concurrentHashMapGetPluginName() {
        return map.get(pluginName);
    }

    /** The floor for a lookup by id: what a field read costs. */
    @Benchmark
    public Object volatileArrayRead() {
        return array[id.ordinal()];
    }
}
