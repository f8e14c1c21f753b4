package org.backendregistry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.backendregistry.api.BackendRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A Felix framework in this JVM with DS, the default backend bundles and, when asked, the registry,
 * installed from the bundle jars packed into the benchmarks jar. By default the bundles share the API
 * with the benchmark code (see {@link SharedApi}); {@link #plugins()} adds providers to reach a number of
 * services.
 */
final class EmbeddedFelix implements AutoCloseable {

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
    private PluginProviders plugins;

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
            SharedApi.configure(config);
            if (!withRegistry) {
                SharedApi.exportFromSystemBundle(config);
            }
        }
        config.put("felix.log.level", "1");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi FrameworkFactory on the class path"))
                .newFramework(config);
        EmbeddedFelix felix = new EmbeddedFelix(framework, storage);
        try {
            framework.start();
            felix.plugins = new PluginProviders(framework.getBundleContext());
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
                SharedApi.checkWiring(felix.context());
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

    /** @return the providers registered from the system bundle, and the count of every provider */
    PluginProviders plugins() {
        return plugins;
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
        return SharedApi.registry(context());
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
