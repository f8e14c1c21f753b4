package org.backendregistry.internal.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NotServingReason;

/**
 * Decides and publishes what serves one name after its providers changed: takes the candidate order
 * under the family lock, obtains the best candidate's object with no lock held, and publishes it under
 * the lock if nothing changed meanwhile, else decides again. Objects that stop serving are given back.
 */
final class Publisher {

    private final AtomicLong generation;
    private final ChangeSink sink;
    private final ChangeQueue changes;
    private final Logger log;
    private final Supplier<RegistryConfiguration> configuration;
    private final Drain drain;
    private volatile boolean closing;

    Publisher(AtomicLong generation, ChangeSink sink, Logger log, Supplier<RegistryConfiguration> configuration) {
        this.generation = generation;
        this.sink = sink;
        this.changes = new ChangeQueue(sink, log);
        this.log = log;
        this.configuration = configuration;
        this.drain = new Drain(log, () -> configuration.get().drainTimeoutMillis(), this::viewChanged);
    }

    /** @return the departures that gave up waiting for their leases, newest last */
    Drain drain() {
        return drain;
    }

    /** From now on nothing new is obtained: the registry is stopping and every name loses its provider. */
    void close() {
        closing = true;
    }

    /**
     * Decides again what serves {@code slot}, publishes it, and delivers the change (in order with every
     * other change) before returning, unless another thread is delivering changes, which then delivers it.
     */
    void refresh(FamilyTable table, NameSlot slot) {
        List<Runnable> giveBacks = decide(table, slot);
        changes.deliver();
        viewChanged(); // losers, failures to obtain and wrong types change with no serving change
        // last: a displaced provider waits for its leases, and its change is known meanwhile
        giveBacks.forEach(Runnable::run);
    }

    /**
     * Tells the sink that the runtime view may have changed without a serving change (a service rejected,
     * a provider that joined a name's losers); call with no lock held, after the change is visible.
     */
    void viewChanged() {
        try {
            sink.viewChanged();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "A receiver of the registry's changes failed; the registry carries on", e);
        }
    }

    /** Delivers the changes published so far; call with no lock held. */
    void deliverChanges() {
        changes.deliver();
    }

    /** @return the give-backs of the providers that stopped serving, to run with no lock held */
    private List<Runnable> decide(FamilyTable table, NameSlot slot) {
        while (true) {
            List<Provider> wrongType = new ArrayList<>(0);
            if (!closing) {
                probeClassesForPin(table, slot, wrongType);
            }
            CandidateOrder order;
            long version;
            RegistryConfiguration applied;
            synchronized (table.lock) {
                applied = configuration.get();
                order = slot.order(table.setAsideServices, applied);
                version = slot.version();
            }
            Provider chosen = null;
            Object object = null;
            for (Provider candidate : closing ? List.<Provider>of() : order.tryOrder()) {
                object = obtain(table, candidate, wrongType);
                if (object != null) {
                    chosen = candidate;
                    break;
                }
            }
            List<Runnable> released = new ArrayList<>();
            synchronized (table.lock) {
                if (slot.version() != version || (chosen != null && !chosen.acquisition().holds(object))) {
                    continue; // the candidates changed while we obtained: decide again
                }
                if (rejectWrongTypes(slot, wrongType)) {
                    continue;
                }
                Served previous = slot.served();
                Served next = chosen == null ? null : new Served(chosen, chosen.acquisition().holdOf(object));
                slot.publish(next, order.problem(), applied.pin(table.family().index(), slot.id().name()));
                for (Provider provider : slot.providers()) {
                    Hold hold = provider.sameAs(chosen) ? null : provider.acquisition().take();
                    if (hold != null) {
                        released.add(() -> drain.giveBack(slot.id(), provider, provider.acquisition(), hold));
                    }
                }
                if (isChange(previous, next)) {
                    // queued under the lock that published it: changes of a name queue in generation order
                    changes.add(new BackendChange(slot.id(), Optional.ofNullable(previous).map(Served::description),
                            Optional.ofNullable(next).map(Served::description), generation.incrementAndGet()));
                }
                table.forgetIfUnused(slot);
            }
            return released;
        }
    }

    /**
     * A pin by class name must see the class of every provider, also of those never obtained (a plain
     * service's class is known only from its object): obtains each eligible provider whose class is not
     * known yet and that the pin does not already match by bundle. What is obtained but does not serve is
     * given back when the decision is published.
     */
    private void probeClassesForPin(FamilyTable table, NameSlot slot, List<Provider> wrongType) {
        List<Provider> unknown;
        synchronized (table.lock) {
            RegistryConfiguration applied = configuration.get();
            String pin = applied.pin(table.family().index(), slot.id().name());
            unknown = pin == null ? List.of() : slot.classUnknownFor(pin, table.setAsideServices, applied);
        }
        for (Provider provider : unknown) {
            obtain(table, provider, wrongType);
        }
    }

    /** Services whose object is not of the family's type are not providers; call with the lock held. */
    private boolean rejectWrongTypes(NameSlot slot, List<Provider> wrongType) {
        boolean rejected = false;
        for (Provider provider : wrongType) {
            TrackedService service = provider.service();
            if (service != null && service.provider == provider) {
                slot.remove(provider);
                service.reject(FailureReason.WRONG_TYPE, provider.acquisition().knownClassName(),
                        provider.acquisition().failureDetail());
                generation.incrementAndGet();
                rejected = true;
            }
        }
        return rejected;
    }

    private static boolean isChange(Served previous, Served next) {
        if (previous == null || next == null) {
            return previous != next;
        }
        return !previous.provider().sameAs(next.provider()) || previous.object() != next.object();
    }

    /** @return the candidate's object, or {@code null} (logged, remembered) when it cannot be had */
    private Object obtain(FamilyTable table, Provider candidate, List<Provider> wrongType) {
        BackendFamily<?> family = table.family();
        Acquisition acquisition = candidate.acquisition();
        Object object;
        try {
            object = acquisition.obtain();
        } catch (RuntimeException | LinkageError e) {
            String detail = "getService threw " + e;
            acquisition.outcome(null, NotServingReason.EXCEPTION_ON_GET, detail);
            log.log(Level.WARNING, "Cannot obtain the " + candidate.id().name() + " provider " + candidate + ": "
                    + detail + "; the next provider serves", e);
            return null;
        }
        if (object == null) {
            acquisition.outcome(null, NotServingReason.NOT_GETTABLE, "getService returned null");
            log.log(Level.WARNING, "Cannot obtain the {0} provider {1}: getService returned null; the next provider serves",
                    candidate.id().name(), candidate);
            return null;
        }
        if (!family.serviceType().isInstance(object)) {
            String detail = "its object is a " + object.getClass().getName() + ", not a " + family.serviceType().getName()
                    + " (check that the bundle imports the registry's API package)";
            acquisition.outcome(object, null, detail);
            log.log(Level.WARNING, "The {0} provider {1}: {2}; the next provider serves", candidate.id().name(),
                    candidate, detail);
            wrongType.add(candidate);
            release(table, acquisition, null); // never served: no lease can be open on it
            return null;
        }
        acquisition.outcome(object, null, null);
        return object;
    }

    /**
     * Gives back what {@code acquisition} holds, once the leases open on it are closed (or the drain
     * timeout passed); call with no lock held.
     *
     * @param provider the provider it belongs to, for the messages; {@code null} for a service that is none
     */
    void release(FamilyTable table, Acquisition acquisition, Provider provider) {
        Hold hold;
        synchronized (table.lock) {
            hold = acquisition.take();
        }
        if (hold != null) {
            drain.giveBack(provider == null ? null : provider.id(), provider, acquisition, hold);
        }
    }
}
