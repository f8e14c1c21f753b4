package org.backendregistry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

class ChangeLineTest {

    static final String UUID = "94961101-5c1e-4b5e-9d3a-2f0e8c1d7a42";
    static final String CUDA_CLASS = "org.backendregistry.backends.cuda.FlashAttentionBackend";

    static final BackendProvider CUDA = new BackendProvider(BackendProvider.Origin.SERVICE, 31, 9,
            "org.backendregistry.backends.cuda", "1.0.0", 0, true, CUDA_CLASS);
    static final BackendProvider IMPORTED = new BackendProvider(BackendProvider.Origin.SERVICE, 87, 21,
            "org.apache.aries.rsa.spi", "1.14.0", Integer.MIN_VALUE, true, "jdk.proxy4.$Proxy18");

    /** Where each test provider runs: only the imported one has an endpoint. */
    private static final Function<BackendProvider, Optional<String>> WHERE = provider -> provider.equals(IMPORTED)
            ? Optional.of("tcp://127.0.0.1:8201 (framework " + UUID + ")") : Optional.empty();

    @Test
    void aChangeToAnImportedProviderNamesItsEndpointAsBackendListDoes() {
        BackendChange change = new BackendChange(AttentionBackendId.FLASH_ATTN, Optional.of(CUDA), Optional.of(IMPORTED), 5);

        assertEquals("FLASH_ATTN: now org.apache.aries.rsa.spi/jdk.proxy4.$Proxy18 @ tcp://127.0.0.1:8201 (framework "
                + UUID + ") (was org.backendregistry.backends.cuda/" + CUDA_CLASS + ")", ChangeLine.of(change, WHERE));
    }

    @Test
    void aChangeBackFromAnImportedProviderNamesTheEndpointItWasServedFrom() {
        BackendChange change = new BackendChange(AttentionBackendId.FLASH_ATTN, Optional.of(IMPORTED), Optional.of(CUDA), 6);

        assertEquals("FLASH_ATTN: now org.backendregistry.backends.cuda/" + CUDA_CLASS
                + " (was org.apache.aries.rsa.spi/jdk.proxy4.$Proxy18 @ tcp://127.0.0.1:8201 (framework " + UUID + "))",
                ChangeLine.of(change, WHERE));
    }

    @Test
    void aChangeBetweenLocalProvidersReadsAsBefore() {
        BackendChange change = new BackendChange(MambaBackendId.CUSTOM, Optional.empty(), Optional.of(CUDA), 7);

        assertEquals(change.toString(), ChangeLine.of(change, WHERE));
        assertEquals("mamba attention CUSTOM: now org.backendregistry.backends.cuda/" + CUDA_CLASS + " (was nothing)",
                ChangeLine.of(change, WHERE));
    }

    @Test
    void theEndpointComesFromTheImportedServicesProperties() {
        Map<String, Object> imported = Map.of("service.imported", "true", "endpoint.id", "tcp://127.0.0.1:8201",
                "endpoint.framework.uuid", UUID);
        Map<String, Object> local = Map.of("backend.name", "FLASH_ATTN");

        assertEquals(Optional.of("tcp://127.0.0.1:8201 (framework " + UUID + ")"), ChangeLine.endpoint(imported::get));
        assertEquals(Optional.empty(), ChangeLine.endpoint(local::get));
    }
}
