package org.backendregistry.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.annotation.Annotation;
import java.util.Dictionary;

import org.junit.jupiter.api.Test;

class BackendExporterTest {

    /** The configuration as DS would build it from {@code org.backendregistry.remote}. */
    private static RemoteExportConfiguration configuration(String hostname, int port) {
        return new RemoteExportConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RemoteExportConfiguration.class;
            }

            @Override
            public String[] export_names() {
                return new String[] { "FLASH_ATTN, TRITON_ATTN" };
            }

            @Override
            public String export_hostname() {
                return hostname;
            }

            @Override
            public int export_port() {
                return port;
            }

            @Override
            public int export_timeout() {
                return 15_000;
            }
        };
    }

    @Test
    void anExportCarriesTheStandardRemoteServicesPropertiesForAriesTcp() {
        Dictionary<String, Object> properties = BackendExporter.properties("TRITON_ATTN", configuration("10.0.0.5", 8201), 1);

        assertEquals("TRITON_ATTN", properties.get("backend.name"));
        assertEquals(Boolean.TRUE, properties.get("backend.default"));
        assertEquals(Integer.MIN_VALUE, properties.get("service.ranking"));
        assertEquals("org.backendregistry.attention.AttentionBackend", properties.get("service.exported.interfaces"));
        assertEquals("aries.tcp", properties.get("service.exported.configs"));
        assertEquals("10.0.0.5", properties.get("aries.rsa.hostname"));
        assertEquals("8202", properties.get("aries.rsa.port"));
        assertEquals(15_000, properties.get("osgi.basic.timeout"));
    }

    @Test
    void withoutHostnameAndPortAriesPicksThem() {
        Dictionary<String, Object> properties = BackendExporter.properties("FLASH_ATTN", configuration(" ", 0), 0);

        assertNull(properties.get("aries.rsa.hostname"));
        assertNull(properties.get("aries.rsa.port"));
    }
}
