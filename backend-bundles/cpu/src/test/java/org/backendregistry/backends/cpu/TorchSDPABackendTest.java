package org.backendregistry.backends.cpu;

import org.backendregistry.testsupport.JvmAttentionContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.junit.jupiter.api.Test;

class TorchSDPABackendTest extends JvmAttentionContract {

    @Override
    protected AttentionBackend backend() {
        return new TorchSDPABackend();
    }

    @Test
    void declaresTheCpuPlatformAndAnyHeadSize() {
        var capabilities = backend().capabilities();
        assertEquals(Platform.CPU, capabilities.platform());
        assertTrue(capabilities.dtypes().contains("float32"));
        assertTrue(capabilities.supportsHeadSize(72));
    }
}
