package org.backendregistry.internal.osgi;

import org.backendregistry.internal.core.ServiceSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Gets and ungets one service through the registry bundle's context. */
final class ReferenceSource implements ServiceSource {

    private final BundleContext context;
    private final ServiceReference<?> reference;

    ReferenceSource(BundleContext context, ServiceReference<?> reference) {
        this.context = context;
        this.reference = reference;
    }

    @Override
    public Object get() {
        return context.getService(reference);
    }

    @Override
    public void unget() {
        try {
            context.ungetService(reference);
        } catch (IllegalStateException stoppedRegistry) {
            // our context is no longer valid: the framework has already released every use
        }
    }
}
