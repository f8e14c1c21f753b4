package org.backendregistry.internal.select;

import java.util.List;

import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackend;

/** What the selection needs from the registry, at the moment it asks. */
interface ProviderView {

    /** The provider that serves a name and its object. */
    record Serving(BackendProvider provider, AttentionBackend backend) {
    }

    /**
     * @param name a backend name
     * @return who serves it now, or {@code null} when nothing does
     * @throws IllegalArgumentException when the name is unknown, with the registry's message
     */
    Serving serving(String name);

    /** @return why nothing serves the name: {@code no provider}, {@code pinned away} or {@code denied by policy} */
    String notServed(String name);

    /**
     * @return a lease on the provider that serves the name now
     * @throws IllegalStateException when nothing serves it
     */
    BackendLease<AttentionBackend> lease(String name);

    /** @return the attention names outside the catalog that have a provider now */
    List<String> pluginNames();
}
