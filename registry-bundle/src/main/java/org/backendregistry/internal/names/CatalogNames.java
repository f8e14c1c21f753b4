package org.backendregistry.internal.names;

import java.util.List;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;

/** Names to ids for the catalogs and the registry: a deprecated name warns only where a user asked for it. */
public final class CatalogNames {

    private CatalogNames() {
    }

    /**
     * The catalogs' {@code of(name)}: a catalog name, or a deprecated one, which warns once.
     *
     * @throws IllegalArgumentException the seed's {@code Unknown ... backend: 'X'. Valid options are: ...}
     */
    public static <B> BackendId<B> of(BackendFamily<B> family, String name) {
        BackendId<B> id = family.catalogId(name)
                .orElseThrow(() -> new IllegalArgumentException(NameMessages.unknownName(family, name, List.of())));
        DeprecationWarnings.shared().nameUsed(family, name);
        return id;
    }

    /**
     * @return the id of a valid name, a deprecated one resolved without a warning: free of side effects, so
     *         the registry resolves a service's name with it and warns once its locks are released
     */
    public static <B> BackendId<B> quietly(BackendFamily<B> family, String name) {
        // id() warns only for the deprecated names that catalogId() has already resolved
        return family.catalogId(name).orElseGet(() -> family.id(name));
    }
}
