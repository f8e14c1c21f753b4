package org.backendregistry.internal.names;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.backendregistry.api.BackendFamily;

/** Warns once per deprecated name or type, while the registry's configuration ({@code deprecation.warnings}) asks for it. */
public final class DeprecationWarnings {

    private static final DeprecationWarnings SHARED = new DeprecationWarnings(System.getLogger("org.backendregistry"));

    private final Logger log;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile boolean enabled = true;

    DeprecationWarnings(Logger log) {
        this.log = log;
    }

    /**
     * @return the warnings of this registry bundle: the catalogs' static lookups have no registry at hand,
     *         and one switch and one memory serve them and the registry alike
     */
    public static DeprecationWarnings shared() {
        return SHARED;
    }

    /** Turns the warnings on or off; the registry's configuration is the only caller. */
    public void enable(boolean warn) {
        enabled = warn;
    }

    /** Warns that {@code name} is deprecated in {@code family}, unless it is not or was already warned about. */
    public void nameUsed(BackendFamily<?> family, String name) {
        String current = name == null ? null : family.deprecatedNames().get(name);
        // a name is remembered only once it was really warned about, so turning warnings on later still warns
        if (current != null && enabled && warned.add(family.displayName() + ":" + name)) {
            log.log(Level.WARNING, "Backend name {0} is deprecated; use {1} instead. {0} will be removed in a future release.",
                    name, current);
        }
    }

    /** Warns, once, that a deprecated type was renamed. */
    public void typeUsed(Class<?> deprecated, Class<?> replacement) {
        if (enabled && warned.add("type:" + deprecated.getName())) {
            log.log(Level.WARNING, "{0} has been renamed to {1}. Please update your code to use {1} instead. {0} will be "
                    + "removed in a future release.", deprecated.getSimpleName(), replacement.getSimpleName());
        }
    }
}
