package org.backendregistry.internal.osgi;

import java.util.function.Function;

import org.backendregistry.internal.core.ServiceSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Gets and ungets one service through the registry bundle's context, and reads its current properties:
 * one object per tracked service for both, rather than a second one for the properties.
 */
final class ReferenceSource implements ServiceSource, Function<String, Object> {

    private final BundleContext context;
    private final ServiceReference<?> reference;

    ReferenceSource(BundleContext context, ServiceReference<?> reference) {
        this.context = context;
        this.reference = reference;
    }

    /** @return the service's current value of {@code key} */
    @Override
    public Object apply(String key) {
        return reference.getProperty(key);
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
