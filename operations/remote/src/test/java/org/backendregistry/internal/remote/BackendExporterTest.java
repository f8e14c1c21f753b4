package org.backendregistry.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Dictionary;
import java.util.Optional;

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
        Dictionary<String, Object> properties = BackendExporter.properties(ExportName.parse("TRITON_ATTN").orElseThrow(), configuration("10.0.0.5", 8201), 1);

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
        Dictionary<String, Object> properties = BackendExporter.properties(ExportName.parse("FLASH_ATTN").orElseThrow(), configuration(" ", 0), 0);

        assertNull(properties.get("aries.rsa.hostname"));
        assertNull(properties.get("aries.rsa.port"));
    }

    @Test
    void aMambaNameIsExportedAsAMambaBackendAtItsPortInTheOrderOfExportNames() {
        Dictionary<String, Object> properties = BackendExporter.properties(ExportName.parse("mamba:MAMBA2").orElseThrow(),
                configuration("10.0.0.5", 8201), 2);

        assertEquals("MAMBA2", properties.get("backend.name"));
        assertEquals(Boolean.TRUE, properties.get("backend.default"));
        assertEquals("org.backendregistry.mamba.MambaBackend", properties.get("service.exported.interfaces"));
        assertEquals("aries.tcp", properties.get("service.exported.configs"));
        assertEquals("8203", properties.get("aries.rsa.port"));
    }

    @Test
    void exportNamesAreWrittenAsTheShellWritesThem() {
        assertEquals("mamba:MAMBA2", ExportName.parse("mamba:MAMBA2").orElseThrow().toString());
        // a mamba catalog name needs no prefix, as at the shell; CUSTOM is in both catalogs and stays attention
        assertEquals("mamba:SHORT_CONV", ExportName.parse("SHORT_CONV").orElseThrow().toString());
        assertEquals("CUSTOM", ExportName.parse("CUSTOM").orElseThrow().toString());
        assertEquals("mamba:CUSTOM", ExportName.parse("mamba:CUSTOM").orElseThrow().toString());
        // plugin names are attention names unless prefixed
        assertEquals("MY_KERNEL", ExportName.parse("MY_KERNEL").orElseThrow().toString());
        assertEquals("mamba:MY_SSM", ExportName.parse("mamba:MY_SSM").orElseThrow().toString());
    }

    @Test
    void entriesThatNameNoBackendAreNotExported() {
        for (String entry : new String[] { "flash_attn", "mamba:", "mamba:mamba2", "MAMBA:MAMBA2", "attention:FLASH_ATTN" }) {
            assertEquals(Optional.empty(), ExportName.parse(entry), entry);
        }
        assertTrue(ExportName.parse("FLASH_ATTN").isPresent());
    }
}
