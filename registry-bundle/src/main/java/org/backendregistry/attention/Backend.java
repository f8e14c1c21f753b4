package org.backendregistry.attention;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deprecated: the seed's {@code _Backend} alias, kept for plugins written against the old name. Every
 * method logs, once per JVM, that the type was renamed, then delegates to {@link AttentionBackendId}.
 *
 * @deprecated use {@link AttentionBackendId}; this type will be removed in a future release
 */
@Deprecated(since = "1.0.0", forRemoval = true)
public final class Backend {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

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
        if (WARNED.compareAndSet(false, true)) {
            System.getLogger("org.backendregistry").log(Level.WARNING,
                    "Backend has been renamed to AttentionBackendId. Please update your code to use "
                            + "AttentionBackendId instead. Backend will be removed in a future release.");
        }
    }
}
