package org.backendregistry.itests.failing;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds the throw-away bundle around {@link UnactivatableAttentionBackend}: a DS component described
 * by a hand-written component XML, ranked above the TRITON_ATTN default. Runs where Pax Exam reads the
 * configuration; the test installs the jar itself.
 */
public final class UnactivatableBackendBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "unactivatable-backend";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.unactivatable-backend";

    /** Ranked above every default, so that the registry tries it first. */
    public static final int RANKING = 100;

    private static final String COMPONENT_XML = "OSGI-INF/unactivatable-backend.xml";

    private UnactivatableBackendBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return systemProperty("itest.jar." + JAR).value(write().getAbsolutePath());
    }

    private static File write() {
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" activate="activate">
                  <implementation class="%s"/>
                  <service>
                    <provide interface="org.backendregistry.attention.AttentionBackend"/>
                  </service>
                  <property name="backend.name" type="String" value="TRITON_ATTN"/>
                  <property name="service.ranking" type="Integer" value="%d"/>
                </scr:component>
                """.formatted(UnactivatableAttentionBackend.class.getName(),
                UnactivatableAttentionBackend.class.getName(), RANKING);
        try (InputStream jar = TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.backendregistry.api,org.backendregistry.attention")
                .setHeader("Service-Component", COMPONENT_XML)
                .addClass(UnactivatableAttentionBackend.class)
                .addResource(COMPONENT_XML, new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .build(TinyBundles.rawBuilder())) {
            File file = File.createTempFile(JAR, ".jar");
            file.deleteOnExit();
            Files.copy(jar, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the " + SYMBOLIC_NAME + " bundle", e);
        }
    }
}
