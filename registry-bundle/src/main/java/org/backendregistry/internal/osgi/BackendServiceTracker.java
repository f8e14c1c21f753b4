package org.backendregistry.internal.osgi;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.internal.core.Owner;
import org.backendregistry.internal.core.RegistryCore;
import org.backendregistry.internal.core.TrackedService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks every service of one family's interface and hands its arrivals, property changes and
 * departures to the core, synchronously inside the service event that reports them.
 */
final class BackendServiceTracker implements ServiceTrackerCustomizer<Object, TrackedService> {

    private final BundleContext context;
    private final BackendFamily<?> family;
    private final RegistryCore core;
    private final ServiceTracker<Object, TrackedService> tracker;

    BackendServiceTracker(BundleContext context, BackendFamily<?> family, RegistryCore core) {
        this.context = context;
        this.family = family;
        this.core = core;
        this.tracker = new ServiceTracker<>(context, family.serviceType().getName(), this);
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public TrackedService addingService(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null; // unregistered before we saw it
        }
        Owner owner = new Owner(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString());
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        return core.track(family, serviceId, owner, reference::getProperty, new ReferenceSource(context, reference));
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, TrackedService service) {
        core.modified(service, reference::getProperty);
    }

    @Override
    public void removedService(ServiceReference<Object> reference, TrackedService service) {
        core.untrack(service);
    }
}
