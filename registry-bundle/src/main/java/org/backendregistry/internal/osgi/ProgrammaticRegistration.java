package org.backendregistry.internal.osgi;

import java.util.Set;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.internal.core.Owner;
import org.backendregistry.internal.core.RegistryCore;

/**
 * A {@code register} call's handle: opening it serves the name, closing it withdraws the provider. A
 * close on any thread returns only once the provider is withdrawn, also when another thread is still
 * registering or withdrawing it; the monitor guards the state only and is never held while the core runs.
 */
final class ProgrammaticRegistration implements BackendRegistration {

    private enum State { NEW, REGISTERING, REGISTERED, CLOSING, CLOSED }

    private final RegistryCore core;
    private final BackendId<?> id;
    private final Object instance;
    private final String className;
    private final Owner owner;
    private final Set<ProgrammaticRegistration> ownerRegistrations;
    private State state = State.NEW;
    /** the thread registering or withdrawing, which must never wait for itself */
    private Thread busy;
    private boolean closeRequested;
    private Object provider;

    ProgrammaticRegistration(RegistryCore core, BackendId<?> id, Object instance, Owner owner,
            Set<ProgrammaticRegistration> ownerRegistrations) {
        this.core = core;
        this.id = id;
        this.instance = instance;
        this.className = instance.getClass().getName();
        this.owner = owner;
        this.ownerRegistrations = ownerRegistrations;
    }

    /**
     * Serves the name with the instance, unless the registration was closed first.
     *
     * @return whether it serves now; {@code false} when it was closed before it could register
     */
    boolean open() {
        synchronized (this) {
            if (state != State.NEW) {
                return false;
            }
            state = State.REGISTERING;
            busy = Thread.currentThread();
        }
        Object registered;
        try {
            registered = core.register(id, instance, owner);
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
        boolean withdraw;
        synchronized (this) {
            provider = registered;
            withdraw = closeRequested;
            state = withdraw ? State.CLOSING : State.REGISTERED;
        }
        if (withdraw) {
            withdraw(registered);
            return false;
        }
        synchronized (this) {
            busy = null;
        }
        return true;
    }

    @Override
    public BackendId<?> id() {
        return id;
    }

    @Override
    public String className() {
        return className;
    }

    /** Withdraws the provider; returns when it no longer serves, whichever thread withdraws it. */
    @Override
    public void close() {
        Object registered;
        synchronized (this) {
            switch (state) {
                case NEW -> {
                    state = State.CLOSED;
                    ownerRegistrations.remove(this);
                    return;
                }
                case REGISTERING -> {
                    closeRequested = true; // the registering thread withdraws as soon as it has registered
                    awaitClosed();
                    return;
                }
                case CLOSING, CLOSED -> {
                    awaitClosed();
                    return;
                }
                default -> {
                    state = State.CLOSING;
                    busy = Thread.currentThread();
                    registered = provider;
                }
            }
        }
        withdraw(registered);
    }

    private void withdraw(Object registered) {
        try {
            core.unregister(registered);
        } finally {
            finish();
        }
    }

    private void finish() {
        ownerRegistrations.remove(this);
        synchronized (this) {
            state = State.CLOSED;
            busy = null;
            notifyAll();
        }
    }

    /** Waits until another thread has withdrawn the provider; call holding the monitor. */
    private void awaitClosed() {
        boolean interrupted = false;
        // a listener or backend called back on the withdrawing thread: it must not wait for itself
        while (state != State.CLOSED && busy != Thread.currentThread()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the contract says gone on return: keep waiting, keep the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return id.name() + " -> " + className;
    }
}
