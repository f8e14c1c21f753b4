package org.backendregistry.internal.osgi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.internal.core.Owner;
import org.backendregistry.internal.core.RegistryCore;
import org.backendregistry.internal.core.TrackedService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks every service of one family's interface and hands its arrivals, property changes and
 * departures to the core, synchronously inside the service event that reports them.
 *
 * <p>A ServiceTracker holds back an UNREGISTERING event that arrives while {@code addingService} is
 * still running on another thread, and reports the removal only once adding returns: by then
 * {@code unregister()} may have returned with the service still published. So a plain service
 * listener reports every UNREGISTERING at once, and a service that is being added is findable by its
 * {@code service.id} from the start of {@code addingService}.
 */
final class BackendServiceTracker implements ServiceTrackerCustomizer<Object, TrackedService>, ServiceListener {

    private final BundleContext context;
    private final BackendFamily<?> family;
    private final RegistryCore core;
    private final ServiceTracker<Object, TrackedService> tracker;
    /** services being added or tracked, by {@code service.id} */
    private final Map<Long, TrackedService> byId = new ConcurrentHashMap<>();
    /**
     * ids whose UNREGISTERING arrived before their {@code addingService} made them findable; such a
     * service is not tracked. Only a race leaves an id here, and each is removed when adding runs.
     */
    private final Set<Long> unregisteredEarly = ConcurrentHashMap.newKeySet();
    /** the owner of the last service added: a bundle's services usually arrive together and share it */
    private volatile Owner lastOwner;

    BackendServiceTracker(BundleContext context, BackendFamily<?> family, RegistryCore core) {
        this.context = context;
        this.family = family;
        this.core = core;
        this.tracker = new ServiceTracker<>(context, family.serviceType().getName(), this);
    }

    void open() {
        try {
            // before the tracker, so that no UNREGISTERING of a tracked service is missed
            context.addServiceListener(this, "(" + Constants.OBJECTCLASS + "=" + family.serviceType().getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
    }

    void close() {
        tracker.close();
        context.removeServiceListener(this);
        unregisteredEarly.clear();
    }

    @Override
    public TrackedService addingService(ServiceReference<Object> reference) {
        // the framework's own boxed id serves as the key: no second Long per tracked service
        Long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            unregisteredEarly.remove(serviceId);
            return null; // unregistered before we saw it
        }
        Owner owner = ownerOf(bundle);
        ReferenceSource source = new ReferenceSource(context, reference);
        TrackedService service = core.service(family, serviceId, owner, source, source);
        byId.put(serviceId, service);
        if (unregisteredEarly.remove(serviceId)) {
            byId.remove(serviceId, service);
            return null;
        }
        core.track(service);
        return service;
    }

    private Owner ownerOf(Bundle bundle) {
        Owner owner = new Owner(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString());
        Owner last = lastOwner;
        if (owner.equals(last)) {
            return last; // the new one is garbage at once: only one Owner per bundle stays on the heap
        }
        lastOwner = owner;
        return owner;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, TrackedService service) {
        core.modified(service, reference::getProperty);
    }

    @Override
    public void removedService(ServiceReference<Object> reference, TrackedService service) {
        byId.remove(service.serviceId(), service);
        core.untrack(service); // usually done already by serviceChanged
    }

    /** Reports an UNREGISTERING at once, even while the service is still being added on another thread. */
    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() != ServiceEvent.UNREGISTERING) {
            return;
        }
        long serviceId = (Long) event.getServiceReference().getProperty(Constants.SERVICE_ID);
        // the id is remembered first, so that an addingService that has not made the service findable yet sees it
        unregisteredEarly.add(serviceId);
        TrackedService service = byId.remove(serviceId);
        if (service != null) {
            unregisteredEarly.remove(serviceId);
            core.untrack(service);
        }
    }
}
