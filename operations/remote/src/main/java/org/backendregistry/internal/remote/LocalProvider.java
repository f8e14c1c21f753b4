package org.backendregistry.internal.remote;

import java.lang.reflect.Proxy;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendRegistry;

/** Finds the local provider an export delegates a call to, refusing the two that would send the call in circles. */
final class LocalProvider {

    private LocalProvider() {
    }

    /**
     * @param export the export itself, which may serve the name when nothing else does here
     * @return the local provider that serves the name
     * @throws IllegalStateException when only the export or an imported provider serves it: the first
     *                               would call itself, the second would bounce the call between frameworks
     */
    static <B> B serving(BackendRegistry registry, BackendFamily<B> family, ExportName name, Object export) {
        B serving = registry.backend(family, name.name());
        if (serving == export) {
            throw new IllegalStateException("No local provider of " + name + " in the exporting framework: "
                    + "deploy one there, or remove " + name + " from export.names (" + RemoteExportConfiguration.PID
                    + ")");
        }
        // Remote Service Admin's distribution providers hand imported services out as JDK proxies
        if (Proxy.isProxyClass(serving.getClass())) {
            throw new IllegalStateException(name + " is served by an imported provider in the exporting framework, "
                    + "which does not export it again: set remote.policy=prefer-local there");
        }
        return serving;
    }
}
