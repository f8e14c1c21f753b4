package org.backendregistry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A Felix framework in this JVM with DS, the default backend bundles and, when asked, the registry. The
 * bundles load the API packages from the class path (boot delegation), so they use the same classes the
 * benchmark code calls: a service object from the registry is a {@link BackendRegistry} here, with no
 * reflection or proxy in between.
 */
final class EmbeddedFelix implements AutoCloseable {

    /** The API packages and the internal package their classes call, loaded from the class path. */
    private static final String BOOT_DELEGATED = "org.backendregistry.api,org.backendregistry.api.runtime,"
            + "org.backendregistry.attention,org.backendregistry.attention.select,org.backendregistry.mamba,"
            + "org.backendregistry.internal.names";

    static final String REGISTRY = "org.backendregistry.registry";
    static final String FLASH_ATTN_OVERRIDE = "org.backendregistry.examples.flash-attn-jvm";

    private static final List<String> DS = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr");
    static final String CPU_BACKENDS = "org.backendregistry.backends.cpu";

    private static final List<String> DEFAULT_BACKENDS = List.of(CPU_BACKENDS,
            "org.backendregistry.backends.cuda", "org.backendregistry.backends.rocm",
            "org.backendregistry.backends.tpu-xpu", "org.backendregistry.backends.mamba");

    // strong references: the logging configuration would be lost with the loggers
    private static final Logger REGISTRY_LOG = quiet("org.backendregistry");

    private final Framework framework;
    private final Path storage;
    private final List<ServiceRegistration<AttentionBackend>> plugins = new ArrayList<>();

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Boots Felix with DS and the default backend bundles, and the registry when {@code withRegistry}.
     */
    static EmbeddedFelix start(boolean withRegistry) {
        return start(withRegistry, true);
    }

    /**
     * Boots as {@link #start(boolean)}; with {@code apiFromClassPath} false the bundles load the registry's
     * API from the registry bundle, not from the class path, and the benchmark reaches the services through
     * that class space (method handles).
     */
    static EmbeddedFelix start(boolean withRegistry, boolean apiFromClassPath) {
        Path storage;
        try {
            storage = Files.createTempDirectory("backend-registry-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        if (apiFromClassPath) {
            // the registry exports its API (its exported classes call its name rules, so it does not import
            // them) and every bundle wires to that export; boot delegation makes each bundle load those
            // packages from this class path, so the objects the benchmark gets are its own types
            config.put(Constants.FRAMEWORK_BOOTDELEGATION, BOOT_DELEGATED);
            config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_APP);
        }
        config.put("felix.log.level", "1");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi FrameworkFactory on the class path"))
                .newFramework(config);
        EmbeddedFelix felix = new EmbeddedFelix(framework, storage);
        try {
            framework.start();
            List<Bundle> bundles = new ArrayList<>();
            for (String name : DS) {
                bundles.add(felix.install(name));
            }
            if (withRegistry) {
                bundles.add(felix.install(REGISTRY));
            }
            for (String name : DEFAULT_BACKENDS) {
                bundles.add(felix.install(name));
            }
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            if (withRegistry && apiFromClassPath) {
                felix.checkWiring();
            }
        } catch (BundleException | RuntimeException e) {
            felix.close();
            throw new IllegalStateException("Cannot boot the embedded framework: " + e, e);
        }
        return felix;
    }

    /** @return the system bundle's context, whose class space is this class path */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs (without starting) one of the bundles packed into this jar under {@code /bundles}. */
    Bundle install(String name) throws BundleException {
        String resource = "/bundles/" + name + ".jar";
        InputStream jar = EmbeddedFelix.class.getResourceAsStream(resource);
        if (jar == null) {
            throw new IllegalStateException(resource + " is not on the class path; build with "
                    + "'mvn -B -f benchmarks/pom.xml package' after installing the bundles");
        }
        return context().installBundle("bench:" + name, jar);
    }

    /** @return the context of the installed bundle {@code symbolicName}, e.g. a default backend bundle */
    BundleContext contextOf(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getBundleContext() != null) {
                return bundle.getBundleContext();
            }
        }
        throw new IllegalStateException("No active bundle " + symbolicName);
    }

    /** @return the registry as the system bundle gets it; fails unless it is the class path's type */
    BackendRegistry registry() {
        ServiceReference<?>[] references;
        try {
            // all references: the registry exports the API itself, so the framework's wiring-based check
            // would hide it from the system bundle; the classes are the same through boot delegation
            references = context().getAllServiceReferences(BackendRegistry.class.getName(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceReference<?> reference = references == null ? null : references[0];
        if (reference == null) {
            throw new IllegalStateException("No BackendRegistry service: is the registry bundle started?");
        }
        Object service = context().getService(reference);
        if (!(service instanceof BackendRegistry registry)) {
            throw new IllegalStateException("The registry service is a " + service.getClass() + " from "
                    + service.getClass().getClassLoader() + ", not the class path's BackendRegistry: the "
                    + "registry bundle did not wire its API to the system bundle");
        }
        return registry;
    }

    /** @return the number of AttentionBackend services registered now */
    int attentionServices() {
        try {
            ServiceReference<?>[] references = context().getAllServiceReferences(AttentionBackend.class.getName(),
                    null);
            return references == null ? 0 : references.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Registers plugin providers from the system bundle until {@code total} AttentionBackend services
     * exist: two per name ({@code PLUGIN_00000}, ...), with rankings 0 and 1, so that every name has a
     * winner and a shadowed provider.
     *
     * @return the names registered
     */
    List<String> fillTo(int total) {
        return fillTo(total, 2);
    }

    /**
     * Registers plugin providers from the system bundle until {@code total} AttentionBackend services
     * exist, {@code perName} per name, ranked 0, 1, ...
     *
     * @return the names registered
     */
    List<String> fillTo(int total, int perName) {
        int missing = total - attentionServices();
        if (missing < 0) {
            throw new IllegalArgumentException("The default bundles alone register more than " + total
                    + " attention backends");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            String name = pluginName(i / perName);
            if (i % perName == 0) {
                names.add(name);
            }
            plugins.add(registerProvider(name, i % perName, false));
        }
        return names;
    }

    /** @return a plugin name, e.g. {@code PLUGIN_00042} */
    static String pluginName(int index) {
        return String.format("PLUGIN_%05d", index);
    }

    /** Registers one provider of {@code name} from the system bundle. */
    ServiceRegistration<AttentionBackend> registerProvider(String name, int ranking, boolean isDefault) {
        return context().registerService(AttentionBackend.class, new PluginBackend(name),
                properties(name, ranking, isDefault));
    }

    static Dictionary<String, Object> properties(String name, int ranking, boolean isDefault) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(BackendConstants.BACKEND_NAME, name);
        properties.put(Constants.SERVICE_RANKING, ranking);
        if (isDefault) {
            properties.put(BackendConstants.BACKEND_DEFAULT, Boolean.TRUE);
        }
        return properties;
    }

    /** Unregisters the providers {@link #fillTo} registered. */
    void unregisterPlugins() {
        plugins.forEach(ServiceRegistration::unregister);
        plugins.clear();
    }

    /** Stops a benchmark whose setup does not measure what it claims to. */
    static void verify(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    /** Every bundle must see the class path's API classes, so that its objects are the benchmark's types. */
    private void checkWiring() {
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getBundleId() == 0 || bundle.adapt(BundleWiring.class) == null
                    || !bundle.getSymbolicName().startsWith("org.backendregistry.")) {
                continue;
            }
            try {
                if (bundle.loadClass(BackendRegistry.class.getName()) != BackendRegistry.class) {
                    throw new IllegalStateException(bundle.getSymbolicName() + " sees another copy of "
                            + BackendRegistry.class.getName() + " than the class path's");
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(bundle.getSymbolicName() + " cannot load the API", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            throw new IllegalStateException("Cannot stop the embedded framework", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteStorage();
        }
    }

    private void deleteStorage() {
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Logger quiet(String name) {
        // the registry's informational lines (no ConfigAdmin, ...) would interleave with JMH's output
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
