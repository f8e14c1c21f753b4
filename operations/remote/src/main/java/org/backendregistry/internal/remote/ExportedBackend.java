package org.backendregistry.internal.remote;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;

/**
 * What another framework calls for one exported attention name: whatever serves that name in this
 * framework at the moment of the call. Delegating at call time, rather than exporting the serving
 * object, means an override deployed here is what the other frameworks use at once, with one endpoint
 * per name. Public because Aries' tcp provider finds the called method through
 * {@code getClass().getMethod}, which a class other packages cannot see would fail with
 * {@code IllegalAccessException}.
 */
public final class ExportedBackend implements AttentionBackend {

    private final BackendRegistry registry;
    private final ExportName name;

    ExportedBackend(BackendRegistry registry, String name) {
        this(registry, new ExportName(AttentionBackendId.FAMILY, name));
    }

    ExportedBackend(BackendRegistry registry, ExportName name) {
        this.registry = registry;
        this.name = name;
    }

    @Override
    public String name() {
        return name.name();
    }

    @Override
    public BackendCapabilities capabilities() {
        return local().capabilities();
    }

    @Override
    public float[] compute(AttentionInput input) {
        return local().compute(input);
    }

    AttentionBackend local() {
        return LocalProvider.serving(registry, AttentionBackendId.FAMILY, name, this);
    }

    @Override
    public String toString() {
        return "export of " + name;
    }
}
