package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.osgi.dto.DTO;

/**
 * Every type of the exported packages that someone could implement or extend says who does, so that bnd
 * gives implementing bundles the import range they need: providers a minor range, consumers a major one.
 */
class ApiRolesTest {

    private static final String PROVIDER = "Lorg/osgi/annotation/versioning/ProviderType;";
    private static final String CONSUMER = "Lorg/osgi/annotation/versioning/ConsumerType;";

    @Test
    void everyInterfaceAndExtensibleClassIsAProviderOrAConsumerType() throws Exception {
        Map<String, String> roles = new TreeMap<>();
        for (Class<?> type : ExportedStateTest.exportedClasses()) {
            boolean extensible = type.isInterface() || !Modifier.isFinal(type.getModifiers()) && !type.isEnum();
            if (Modifier.isPublic(type.getModifiers()) && extensible && !type.isAnnotation()
                    && !DTO.class.isAssignableFrom(type)) {
                roles.put(type.getSimpleName(), role(type));
            }
        }

        assertEquals(Map.ofEntries(
                Map.entry("BackendId", "provider"),
                Map.entry("BackendRegistration", "provider"),
                Map.entry("BackendLease", "provider"),
                Map.entry("BackendRegistry", "provider"),
                Map.entry("BackendRegistryRuntime", "provider"),
                Map.entry("BackendListener", "consumer"),
                Map.entry("AttentionBackend", "consumer"),
                Map.entry("MambaBackend", "consumer"),
                Map.entry("BackendSelector", "provider"),
                Map.entry("SelectionSubscription", "provider"),
                Map.entry("SelectionListener", "consumer"),
                Map.entry("DeviceDescription", "consumer")), roles);
    }

    /** The annotations are retained in the class file only, so the class file is where to look. */
    private static String role(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            boolean provider = constants.contains(PROVIDER);
            boolean consumer = constants.contains(CONSUMER);
            return provider == consumer ? "unmarked" : provider ? "provider" : "consumer";
        }
    }
}
