package org.backendregistry.console;

import java.util.Optional;
import java.util.function.Function;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendProvider;

/**
 * How the console writes a provider and a change of provider. An imported provider's bundle and class
 * (Remote Service Admin's and a proxy's) say nothing about where it runs, so it adds its endpoint in the
 * form {@code backend:list} uses: {@code ... @ tcp://127.0.0.1:8201 (framework 6f1c...)}.
 */
final class ChangeLine {

    private ChangeLine() {
    }

    /**
     * @param where the endpoint of an imported provider, {@code tcp://127.0.0.1:8201 (framework 6f1c...)}, or
     *              empty for a local one
     * @return {@code FLASH_ATTN: now bundle/class[ @ endpoint] (was bundle/class[ @ endpoint])}; names of other
     *         families than attention carry the family, as {@link BackendChange#toString()} writes them
     */
    static String of(BackendChange change, Function<BackendProvider, Optional<String>> where) {
        return change.id().family().qualify(change.id().name()) + ": now " + provider(change.current(), where)
                + " (was " + provider(change.previous(), where) + ")";
    }

    /** @return {@code bundle/class}, with {@code @ endpoint} for an imported provider, or {@code nothing} */
    static String provider(Optional<BackendProvider> provider, Function<BackendProvider, Optional<String>> where) {
        return provider.map(p -> p + where.apply(p).map(endpoint -> " @ " + endpoint).orElse("")).orElse("nothing");
    }

    /**
     * @param property a service property of the provider, by name
     * @return {@code tcp://127.0.0.1:8201 (framework 6f1c...)} when the service was imported
     *         ({@code service.imported} set), else empty
     */
    static Optional<String> endpoint(Function<String, Object> property) {
        if (property.apply("service.imported") == null) {
            return Optional.empty();
        }
        return Optional.of(property.apply("endpoint.id") + " (framework " + property.apply("endpoint.framework.uuid")
                + ")");
    }
}
