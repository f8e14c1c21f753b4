package org.backendregistry.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when the provider that serves a backend name changes. It is called after the
 * new state is visible to lookups, with no registry lock held; a listener that throws is logged and
 * does not disturb other listeners.
 */
@ConsumerType
@FunctionalInterface
public interface BackendListener {

    /** @param change which name changed, from which provider to which */
    void backendChanged(BackendChange change);
}
