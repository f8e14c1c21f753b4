package org.backendregistry.backends.cpu;

import org.backendregistry.testsupport.JvmAttentionContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backendregistry.api.AttentionType;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.junit.jupiter.api.Test;

class CPUAttentionBackendTest extends JvmAttentionContract {

    @Override
    protected AttentionBackend backend() {
        return new CPUAttentionBackend();
    }

    /** vLLM's cpu_attn.py (newest version in vLLM's main branch, late 2026): the values a selector checks. */
    @Test
    void declaresWhatVllmsCpuAttentionBackendDeclares() {
        var capabilities = backend().capabilities();
        assertEquals(Platform.CPU, capabilities.platform());
        assertEquals(Set.of("float16", "bfloat16", "float32"), capabilities.dtypes());
        assertEquals(Set.of("auto", "fp8", "fp8_e4m3", "fp8_e5m2"), capabilities.kvCacheDtypes());
        assertEquals(Set.of(32, 64, 80, 96, 112, 128, 160, 192, 224, 256, 512), capabilities.headSizes());
        assertEquals(List.of(KernelBlockSize.multipleOf(16)), capabilities.kernelBlockSizes());
        assertEquals(EnumSet.allOf(AttentionType.class), capabilities.attentionTypes());
        assertTrue(capabilities.supportsNonCausal());
        assertFalse(capabilities.supportsSink());
        assertFalse(capabilities.isMla() || capabilities.isSparse());
    }

    @Test
    void aBlockSizeFitsWhenItIsAMultipleOf16AndHeadSize48DoesNot() {
        var capabilities = backend().capabilities();
        assertTrue(capabilities.supportsBlockSize(16));
        assertTrue(capabilities.supportsBlockSize(128));
        assertFalse(capabilities.supportsBlockSize(8));
        assertFalse(capabilities.supportsHeadSize(48));
        assertFalse(capabilities.supportsHeadSize(576));
    }
}
