package org.backendregistry.itests.failing;

import java.io.InputStream;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;

/**
 * Builds the throw-away bundle around {@link UnactivatableAttentionBackend}: a DS component described
 * by a hand-written component XML, ranked above the TRITON_ATTN default. Runs where Pax Exam reads the
 * configuration; the test installs the jar itself.
 */
public final class UnactivatableBackendBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "unactivatable-backend";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.unactivatable-backend";

    /** Ranked above every default, so that the registry tries it first. */
    public static final int RANKING = 100;

    private UnactivatableBackendBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, UnactivatableBackendBundle::bundleBytes);
    }

    private static InputStream bundleBytes() {
        return ThrowAwayBundle.attentionComponent(SYMBOLIC_NAME, UnactivatableAttentionBackend.class, null,
                "TRITON_ATTN", RANKING);
    }
}
