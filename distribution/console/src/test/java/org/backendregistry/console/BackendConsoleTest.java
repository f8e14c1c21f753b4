package org.backendregistry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class BackendConsoleTest {

    private final PrintStream out = System.out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    /** The services the framework has, by service.id; the test unregisters one by removing it. */
    private final Map<Long, Map<String, Object>> services = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterEach
    void restoreOut() {
        System.setOut(out);
    }

    @Test
    void theLineOfAnImportedProviderThatWentAwayStillNamesItsEndpoint() {
        services.put(31L, Map.of("backend.name", "FLASH_ATTN"));
        services.put(87L, Map.of("backend.name", "FLASH_ATTN", "service.imported", "true", "endpoint.id",
                "tcp://127.0.0.1:8201", "endpoint.framework.uuid", ChangeLineTest.UUID));
        BackendConsole console = new BackendConsole(context(), registryWithoutNames());
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

        console.backendChanged(new BackendChange(AttentionBackendId.FLASH_ATTN, Optional.of(ChangeLineTest.CUDA),
                Optional.of(ChangeLineTest.IMPORTED), 5));
        // the exporting node stopped: the imported service is unregistered before the line is printed
        services.remove(87L);
        console.backendChanged(new BackendChange(AttentionBackendId.FLASH_ATTN, Optional.of(ChangeLineTest.IMPORTED),
                Optional.of(ChangeLineTest.CUDA), 6));

        String where = " @ tcp://127.0.0.1:8201 (framework " + ChangeLineTest.UUID + ")";
        String cuda = "org.backendregistry.backends.cuda/" + ChangeLineTest.CUDA_CLASS;
        String proxy = "org.apache.aries.rsa.spi/jdk.proxy4.$Proxy18";
        assertEquals(List.of("FLASH_ATTN: now " + proxy + where + " (was " + cuda + ")",
                "FLASH_ATTN: now " + cuda + " (was " + proxy + where + ")"),
                printed.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { BundleContext.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("getAllServiceReferences")) {
                        long id = Long.parseLong(((String) args[1]).replaceAll("\\D", ""));
                        Map<String, Object> properties = services.get(id);
                        return properties == null ? null : new ServiceReference<?>[] { reference(properties) };
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceReference<?> reference(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get(args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private BackendRegistry registryWithoutNames() {
        return (BackendRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BackendRegistry.class }, (proxy, method, args) -> {
                    if (method.getName().equals("names")) {
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
