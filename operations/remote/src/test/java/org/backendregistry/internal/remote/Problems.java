package org.backendregistry.internal.remote;

import java.lang.reflect.Proxy;
import java.util.Random;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;

/**
 * Attention problems and stand-ins for the registry, shared by the tests of this bundle. Public, like
 * every backend class, since Aries' tcp provider calls methods reflectively through the object's class.
 */
public final class Problems {

    private Problems() {
    }

    /** A grouped-query causal problem of the size a decode step sends: 8 tokens, 8 heads over 2 kv heads, 64 wide. */
    static AttentionInput typical(long seed) {
        Random random = new Random(seed);
        int tokens = 8;
        int heads = 8;
        int kvHeads = 2;
        int headSize = 64;
        return AttentionInput.of(floats(random, tokens * heads * headSize), floats(random, tokens * kvHeads * headSize),
                floats(random, tokens * kvHeads * headSize), tokens, heads, kvHeads, headSize, true);
    }

    private static float[] floats(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** A backend that computes on the JVM, as the flash-attn-jvm example does. */
    public static final class Jvm implements AttentionBackend {
        @Override
        public String name() {
            return "FLASH_ATTN";
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.builder(Platform.CPU).dtypes("float32").headSizes(64, 128).build();
        }

        @Override
        public float[] compute(AttentionInput input) {
            return ReferenceAttention.compute(input);
        }
    }

    /** A registry whose {@code backend(family, name)} answers with whatever {@code serving} holds; nothing else works. */
    static BackendRegistry registryServing(AttentionBackend[] serving) {
        return (BackendRegistry) Proxy.newProxyInstance(Problems.class.getClassLoader(),
                new Class<?>[] { BackendRegistry.class }, (proxy, method, args) -> {
                    if (method.getName().equals("backend") && args.length == 2) {
                        return serving[0];
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
