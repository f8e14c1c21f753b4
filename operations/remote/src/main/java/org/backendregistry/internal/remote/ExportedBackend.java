package org.backendregistry.internal.remote;

import java.lang.reflect.Proxy;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;

/**
 * What another framework calls for one exported name: whatever serves that name in this framework at
 * the moment of the call. Delegating at call time, rather than exporting the serving object, means an
 * override deployed here is what the other frameworks use at once, with one endpoint per name. Public
 * because Aries' tcp provider finds the called method through {@code getClass().getMethod}, which a
 * class other packages cannot see would fail with {@code IllegalAccessException}.
 */
public final class ExportedBackend implements AttentionBackend {

    private final BackendRegistry registry;
    private final String name;

    ExportedBackend(BackendRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return local().capabilities();
    }

    @Override
    public float[] compute(AttentionInput input) {
        return local().compute(input);
    }

    /**
     * @return the local provider that serves the name
     * @throws IllegalStateException when only this export or an imported provider serves it: the first
     *                               would call itself, the second would bounce the call between frameworks
     */
    AttentionBackend local() {
        AttentionBackend serving = registry.backend(AttentionBackendId.FAMILY, name);
        if (serving == this) {
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

    @Override
    public String toString() {
        return "export of " + name;
    }
}
