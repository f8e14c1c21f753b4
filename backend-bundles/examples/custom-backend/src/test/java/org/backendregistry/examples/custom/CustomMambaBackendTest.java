package org.backendregistry.examples.custom;

import org.backendregistry.testsupport.ComponentDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.backendregistry.mamba.MambaBackend;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomMambaBackendTest {

    @Test
    void canBeCreatedFromTheClassNameGivenToRegister() throws Exception {
        Object backend = Class.forName("org.backendregistry.examples.custom.CustomMambaBackend")
                .getConstructor().newInstance();
        assertEquals("CUSTOM", ((MambaBackend) backend).name());
    }

    @Test
    void isNotAComponentSoCustomStaysUnregisteredUntilSomeoneRegistersIt() throws Exception {
        assertTrue(ComponentDescription.of(CustomMambaBackend.class).isEmpty());
    }

    @Test
    void theBundleExportsNoPackageSoBothClassesLoadOnlyThroughIt() throws Exception {
        Path classes = Path.of(CustomMambaBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            Manifest manifest = new Manifest(in);
            assertEquals("org.backendregistry.examples.custom-backend",
                    manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
            assertNull(manifest.getMainAttributes().getValue("Export-Package"));
        }
    }
}
