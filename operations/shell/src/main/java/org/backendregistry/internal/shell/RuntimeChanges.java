package org.backendregistry.internal.shell;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Waits, bounded, until the registry's runtime DTO shows what a command expects, for changes that reach
 * the registry asynchronously (ConfigAdmin delivers configuration on its own thread). Reads the DTO at
 * once, then again at each {@code MODIFIED} event of the runtime service, whose
 * {@code service.changecount} grows after every change: nothing polls.
 */
final class RuntimeChanges {

    private static final String RUNTIME_SERVICES = "(" + Constants.OBJECTCLASS + "="
            + BackendRegistryRuntime.class.getName() + ")";

    private final BundleContext context;
    private final BackendRegistryRuntime runtime;

    RuntimeChanges(BundleContext context, BackendRegistryRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    /**
     * @return the entry of {@code id} once it satisfies {@code condition}, or empty when it did not within
     *         {@code timeoutMillis}
     * @throws IllegalStateException when the waiting thread is interrupted
     */
    Optional<NameDTO> await(BackendId<?> id, Predicate<NameDTO> condition, long timeoutMillis) {
        Semaphore changed = new Semaphore(0);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.MODIFIED) {
                changed.release();
            }
        };
        addListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                Optional<NameDTO> name = read(id, condition);
                long left = deadline - System.nanoTime();
                if (name.isPresent() || left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return name;
                }
                changed.drainPermits(); // the read below sees every change these events announced
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the registry to show the change.");
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private Optional<NameDTO> read(BackendId<?> id, Predicate<NameDTO> condition) {
        return NameEntries.find(runtime.getRuntimeDTO(), id).filter(condition);
    }

    private void addListener(ServiceListener listener) {
        try {
            context.addServiceListener(listener, RUNTIME_SERVICES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(RUNTIME_SERVICES, e);
        }
    }
}
