package org.backendregistry.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A repeated {@code selector.select(config)} of a config already answered, against the registry's own
 * lookup {@code registry.backend(CPU_ATTN)} of the name it chooses, in the embedded Felix with the selector
 * bundle (device cpu). The registry bundle does not import its own API packages, so the benchmark cannot
 * share them through the system bundle: both calls go through a bound {@link MethodHandle} into the
 * registry bundle's class space, the same overhead on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SelectorBenchmark {

    private static final String SELECT = "org.backendregistry.attention.select.";

    private EmbeddedFelix felix;
    private MethodHandle select;
    private MethodHandle backend;
    private Object config;
    private Object equalConfig;
    private Object cpuAttn;

    @Setup
    public void boot() throws Throwable {
        felix = EmbeddedFelix.start(true, false);
        felix.install("org.backendregistry.selector").start();
        BundleContext registryBundle = felix.contextOf(EmbeddedFelix.REGISTRY);
        Class<?> configClass = registryBundle.getBundle().loadClass(SELECT + "AttentionSelectorConfig");
        Class<?> selectorClass = registryBundle.getBundle().loadClass(SELECT + "BackendSelector");
        Class<?> registryClass = registryBundle.getBundle().loadClass("org.backendregistry.api.BackendRegistry");
        Class<?> idClass = registryBundle.getBundle().loadClass("org.backendregistry.api.BackendId");
        Class<?> catalog = registryBundle.getBundle().loadClass("org.backendregistry.attention.AttentionBackendId");
        config = config(configClass, "bfloat16");
        equalConfig = config(configClass, "torch.bfloat16");
        cpuAttn = catalog.getField("CPU_ATTN").get(null);

        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        select = lookup.findVirtual(selectorClass, "select", MethodType.methodType(
                registryBundle.getBundle().loadClass(SELECT + "Selection"), configClass))
                .bindTo(service(registryBundle, selectorClass)).asType(MethodType.methodType(Object.class, Object.class));
        backend = lookup.findVirtual(registryClass, "backend", MethodType.methodType(Object.class, idClass))
                .bindTo(service(registryBundle, registryClass)).asType(MethodType.methodType(Object.class, Object.class));

        Object selection = select.invokeExact(config);
        Object chosen = selection.getClass().getMethod("backend").invoke(selection);
        SetupCheck.verify(chosen == (Object) backend.invokeExact(cpuAttn), "the selection disagrees with the registry");
        SetupCheck.verify((Object) select.invokeExact(equalConfig) == selection, "an equal config is not cached");
    }

    private static Object config(Class<?> configClass, String dtype) throws ReflectiveOperationException {
        Object builder = configClass.getMethod("builder", int.class, String.class).invoke(null, 128, dtype);
        builder.getClass().getMethod("blockSize", Integer.class).invoke(builder, 16);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object service(BundleContext context, Class<?> type) {
        ServiceReference<?> reference = context.getServiceReference(type.getName());
        SetupCheck.verify(reference != null, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }

    @TearDown
    public void stop() {
        felix.close();
    }

    /** A cached answer for the config object the caller keeps. */
    @Benchmark
    public Object cachedSelect() throws Throwable {
        return (Object) select.invokeExact(config);
    }

    /** A cached answer for an equal, distinct config object: hash and equals of every field. */
    @Benchmark
    public Object cachedSelectOfAnEqualConfig() throws Throwable {
        return (Object) select.invokeExact(equalConfig);
    }

    /** The registry's fast path for the chosen name. */
    @Benchmark
    public Object registryBackend() throws Throwable {
        return (Object) backend.invokeExact(cpuAttn);
    }
}
