package org.backendregistry.internal.osgi;

import java.util.HashMap;
import java.util.Map;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendProvider;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts each change as an EventAdmin event on {@value #TOPIC}. Loaded only when EventAdmin is present.
 */
final class EventAdminPublisher {

    /** The topic of every change event. */
    static final String TOPIC = "org/backendregistry/backend/CHANGED";

    private EventAdminPublisher() {
    }

    static void post(Object eventAdmin, BackendChange change) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("family", change.id().family().displayName());
        properties.put("name", change.id().name());
        properties.put("generation", change.generation());
        change.previous().ifPresent(previous -> describe("previous", previous, properties));
        change.current().ifPresent(current -> describe("current", current, properties));
        ((EventAdmin) eventAdmin).postEvent(new Event(TOPIC, properties));
    }

    private static void describe(String prefix, BackendProvider provider, Map<String, Object> properties) {
        properties.put(prefix + ".bundle", provider.bundleSymbolicName());
        properties.put(prefix + ".bundle.id", provider.bundleId());
        properties.put(prefix + ".class", provider.className());
        properties.put(prefix + ".id", provider.id());
        properties.put(prefix + ".origin", provider.origin().name());
    }
}
