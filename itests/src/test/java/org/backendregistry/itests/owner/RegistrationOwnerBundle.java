package org.backendregistry.itests.owner;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * An empty throw-away bundle whose only purpose is to own registrations: the test registers through
 * the registry as this bundle sees it, then stops the bundle.
 */
public final class RegistrationOwnerBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "registration-owner";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.registration-owner";

    private RegistrationOwnerBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, () -> TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-Version", "1.0.0")
                .build());
    }
}
