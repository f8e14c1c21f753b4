package org.backendregistry.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.Platform;
import org.backendregistry.mamba.MambaBackend;
import org.junit.jupiter.api.Test;

class ExportedMambaBackendTest {

    private final Object[] serving = new Object[1];
    private final BackendRegistry registry = (BackendRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { BackendRegistry.class }, (proxy, method, args) -> {
                if (method.getName().equals("backend") && args.length == 2 && "MAMBA2".equals(args[1])) {
                    return serving[0];
                }
                throw new UnsupportedOperationException(method.getName() + " " + java.util.Arrays.toString(args));
            });
    private final ExportedMambaBackend export = new ExportedMambaBackend(registry, "MAMBA2");

    @Test
    void aCallAnswersWithTheCapabilitiesOfWhateverServesTheMambaNameHere() {
        BackendCapabilities capabilities = BackendCapabilities.builder(Platform.CPU).dtypes("float32").build();
        serving[0] = new MambaBackend() {
            @Override
            public String name() {
                return "MAMBA2";
            }

            @Override
            public BackendCapabilities capabilities() {
                return capabilities;
            }
        };

        assertEquals("MAMBA2", export.name());
        assertEquals(capabilities, export.capabilities());
    }

    @Test
    void whenOnlyTheExportItselfServesACallFailsNamingTheEntryToRemove() {
        serving[0] = export;

        IllegalStateException error = assertThrows(IllegalStateException.class, export::capabilities);
        assertEquals("No local provider of mamba:MAMBA2 in the exporting framework: deploy one there, or remove "
                + "mamba:MAMBA2 from export.names (org.backendregistry.remote)", error.getMessage());
    }

    @Test
    void anImportedMambaProviderIsNeverExportedAgain() {
        serving[0] = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { MambaBackend.class },
                (proxy, method, args) -> null);

        IllegalStateException error = assertThrows(IllegalStateException.class, export::capabilities);
        assertEquals("mamba:MAMBA2 is served by an imported provider in the exporting framework, which does not "
                + "export it again: set remote.policy=prefer-local there", error.getMessage());
    }
}
