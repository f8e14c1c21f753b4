package org.backendregistry.itests.guarded;

import java.io.InputStream;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;

/**
 * Builds the throw-away bundle around {@link GuardedAttentionBackend}: a DS component described by a
 * hand-written component XML, overriding FLASH_ATTN above every other provider. Runs where Pax Exam
 * reads the configuration; the test installs the jar itself.
 */
public final class GuardedBackendBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "guarded-backend";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.guarded-backend";

    /** Ranked above the test's steady provider. */
    public static final int RANKING = 100;

    private GuardedBackendBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, GuardedBackendBundle::bundleBytes);
    }

    private static InputStream bundleBytes() {
        return ThrowAwayBundle.attentionComponent(SYMBOLIC_NAME, GuardedAttentionBackend.class, "deactivate",
                "FLASH_ATTN", RANKING);
    }
}
