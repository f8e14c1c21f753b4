package org.backendregistry.itests.deploy;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds an empty bundle that a test drops into a watched folder right after another file: once the
 * folder's watcher has installed it, the watcher has also looked at every file written before it.
 * Runs where Pax Exam reads the configuration; the test copies the jar itself.
 */
public final class DeployMarkerBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "deploy-marker";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.deploy-marker";

    private DeployMarkerBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, () -> TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .build(TinyBundles.rawBuilder()));
    }
}
