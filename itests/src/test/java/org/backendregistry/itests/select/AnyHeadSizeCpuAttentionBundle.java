package org.backendregistry.itests.select;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/** Builds the throw-away bundle around {@link AnyHeadSizeCpuAttention} with TinyBundles, outside the framework. */
public final class AnyHeadSizeCpuAttentionBundle {

    /** The name under which the test finds the jar. */
    public static final String JAR = "any-head-size-cpu-attn";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.any-head-size-cpu-attn";

    private AnyHeadSizeCpuAttentionBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, () -> TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Private-Package", AnyHeadSizeCpuAttention.class.getPackageName())
                .addClass(AnyHeadSizeCpuAttention.class)
                .activator(AnyHeadSizeCpuAttention.class)
                .build(TinyBundles.bndBuilder()));
    }
}
