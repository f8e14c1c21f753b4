package org.backendregistry.internal.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.ReferenceAttention;
import org.junit.jupiter.api.Test;

class ExportedBackendTest {

    private final AttentionBackend[] serving = new AttentionBackend[1];
    private final ExportedBackend export = new ExportedBackend(Problems.registryServing(serving), "FLASH_ATTN");

    @Test
    void aCallComputesWithWhateverServesTheNameHereAtThatMoment() {
        serving[0] = new Problems.Jvm();

        assertArrayEquals(ReferenceAttention.compute(Problems.typical(1)), export.compute(Problems.typical(1)));
        assertEquals(new Problems.Jvm().capabilities(), export.capabilities());
    }

    @Test
    void whenOnlyTheExportItselfServesACallFailsSayingWhatToDo() {
        serving[0] = export;

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> export.compute(Problems.typical(1)));
        assertEquals("No local provider of FLASH_ATTN in the exporting framework: deploy one there, or remove FLASH_ATTN "
                + "from export.names (org.backendregistry.remote)", error.getMessage());
    }

    @Test
    void anImportedProviderIsNeverExportedAgainSoCallsCannotBounceBetweenFrameworks() {
        serving[0] = (AttentionBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { AttentionBackend.class }, (proxy, method, args) -> null);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> export.compute(Problems.typical(1)));
        assertEquals("FLASH_ATTN is served by an imported provider in the exporting framework, which does not export it "
                + "again: set remote.policy=prefer-local there", error.getMessage());
    }

    @Test
    void exportNamesAreReadFromACommaSeparatedValueOrAnArrayEachOnce() {
        assertEquals(List.of("FLASH_ATTN", "TRITON_ATTN"),
                List.copyOf(BackendExporter.names(new String[] { "FLASH_ATTN, TRITON_ATTN", "FLASH_ATTN" })));
    }
}
