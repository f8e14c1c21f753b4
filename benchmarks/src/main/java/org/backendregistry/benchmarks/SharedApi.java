package org.backendregistry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.JarInputStream;

import org.backendregistry.api.BackendRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The registry's API shared between the bundles and this class path: the bundles load the API packages
 * from the class path (boot delegation), so a service object from the registry is a {@link BackendRegistry}
 * of the benchmark's own class space, with no reflection or proxy in between.
 */
final class SharedApi {

    /** The API packages and the internal package their classes call, loaded from the class path. */
    private static final String BOOT_DELEGATED = "org.backendregistry.api,org.backendregistry.api.runtime,"
            + "org.backendregistry.attention,org.backendregistry.attention.select,org.backendregistry.mamba,"
            + "org.backendregistry.internal.names";

    private SharedApi() {
    }

    /** Adds to a framework configuration what makes every bundle load the API from this class path. */
    static void configure(Map<String, String> config) {
        // the registry exports its API (its exported classes call its name rules, so it does not import
        // them) and every bundle wires to that export; boot delegation makes each bundle load those
        // packages from this class path, so the objects the benchmark gets are its own types
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, BOOT_DELEGATED);
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_APP);
    }

    /**
     * Without the registry bundle nothing exports the API the backend bundles import: the system bundle
     * exports it then, with the versions the registry bundle packed into this jar declares.
     */
    static void exportFromSystemBundle(Map<String, String> config) {
        String resource = "/bundles/" + EmbeddedFelix.REGISTRY + ".jar";
        try (InputStream in = SharedApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            try (JarInputStream jar = new JarInputStream(in)) {
                config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                        jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle must see the class path's API classes, so that its objects are the benchmark's types. */
    static void checkWiring(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
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

    /** @return the registry as {@code context} gets it; fails unless it is the class path's type */
    static BackendRegistry registry(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            // all references: the registry exports the API itself, so the framework's wiring-based check
            // would hide it from the system bundle; the classes are the same through boot delegation
            references = context.getAllServiceReferences(BackendRegistry.class.getName(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceReference<?> reference = references == null ? null : references[0];
        if (reference == null) {
            throw new IllegalStateException("No BackendRegistry service: is the registry bundle started?");
        }
        Object service = context.getService(reference);
        if (!(service instanceof BackendRegistry registry)) {
            throw new IllegalStateException("The registry service is a " + service.getClass() + " from "
                    + service.getClass().getClassLoader() + ", not the class path's BackendRegistry: the "
                    + "registry bundle did not wire its API to the system bundle");
        }
        return registry;
    }
}
