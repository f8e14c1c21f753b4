package org.backendregistry.backends.cpu;

import org.backendregistry.testsupport.JvmAttentionContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.junit.jupiter.api.Test;

class CPUAttentionBackendTest extends JvmAttentionContract {

    @Override
    protected AttentionBackend backend() {
        return new CPUAttentionBackend();
    }

    @Test
    void declaresTheCpuPlatformAndTheHeadSizesVllmSupports() {
        var capabilities = backend().capabilities();
        assertEquals(Platform.CPU, capabilities.platform());
        assertEquals(Set.of("float16", "bfloat16", "float32"), capabilities.dtypes());
        assertEquals(Set.of("auto"), capabilities.kvCacheDtypes());
        assertTrue(capabilities.supportsHeadSize(128));
        assertFalse(capabilities.supportsHeadSize(576));
    }
}
