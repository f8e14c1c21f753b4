package org.backendregistry.internal.core;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.backendregistry.mamba.MambaBackend;

/** Distinct backend classes, so that {@code path()} tells which one serves. */
final class TestBackends {

    private TestBackends() {
    }

    /** A working attention backend for any name. */
    static class Jvm implements AttentionBackend {
        private final String name;

        Jvm(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.builder(Platform.CPU).dtypes("float32").build();
        }

        @Override
        public float[] compute(AttentionInput input) {
            return ReferenceAttention.compute(input);
        }
    }

    static final class DefaultImpl extends Jvm {
        DefaultImpl(String name) {
            super(name);
        }
    }

    static final class OverrideA extends Jvm {
        OverrideA(String name) {
            super(name);
        }
    }

    static final class OverrideB extends Jvm {
        OverrideB(String name) {
            super(name);
        }
    }

    /** Public with a no-argument constructor, as programmatic registrations need. */
    public static final class Registered extends Jvm {
        public Registered() {
            super("CUSTOM");
        }
    }

    /** A mamba backend. */
    static final class Mamba implements MambaBackend {
        @Override
        public String name() {
            return "CUSTOM";
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.builder(Platform.CPU).build();
        }
    }
}
