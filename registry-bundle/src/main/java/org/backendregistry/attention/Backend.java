package org.backendregistry.attention;

import org.backendregistry.internal.names.DeprecationWarnings;

/**
 * Deprecated: the seed's {@code _Backend} alias, kept for plugins written against the old name. Every
 * method logs, once, that the type was renamed (unless the registry's configuration turned deprecation
 * warnings off), then delegates to {@link AttentionBackendId}.
 *
 * @deprecated use {@link AttentionBackendId}; this type will be removed in a future release
 */
@Deprecated(since = "1.0.0", forRemoval = true)
public final class Backend {

    private Backend() {
    }

    /**
     * @deprecated use {@link AttentionBackendId#of(String)}
     * @return the catalog id named {@code name}
     */
    @Deprecated(since = "1.0.0", forRemoval = true)
    public static AttentionBackendId of(String name) {
        warnRenamed();
        return AttentionBackendId.of(name);
    }

    /**
     * @deprecated use {@link AttentionBackendId#values()}
     * @return every catalog id
     */
    @Deprecated(since = "1.0.0", forRemoval = true)
    public static AttentionBackendId[] values() {
        warnRenamed();
        return AttentionBackendId.values();
    }

    private static void warnRenamed() {
        DeprecationWarnings.shared().typeUsed(Backend.class, AttentionBackendId.class);
    }
}
