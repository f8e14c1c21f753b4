package org.backendregistry.itests.registrar;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds the throw-away bundle around {@link TreeAttentionRegistrar} with TinyBundles (bnd computes its
 * imports). Runs where Pax Exam reads the configuration, outside the framework, so the probe never
 * needs TinyBundles or bnd; the test installs the jar itself.
 */
public final class TreeAttentionRegistrarBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "tree-attn-registrar";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.tree-attn-registrar";

    private TreeAttentionRegistrarBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, () -> TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Private-Package", TreeAttentionRegistrar.class.getPackageName())
                .addClass(TreeAttentionRegistrar.class)
                .addClass(JvmTreeAttentionBackend.class)
                .activator(TreeAttentionRegistrar.class)
                .build(TinyBundles.bndBuilder()));
    }
}
