package org.backendregistry.itests.failing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.backendregistry.itests.ThrowAwayBundle;
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
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, UnactivatableBackendBundle::bundleBytes);
    }

    private static InputStream bundleBytes() {
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
        return TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.backendregistry.api,org.backendregistry.attention")
                .setHeader("Service-Component", COMPONENT_XML)
                .addClass(UnactivatableAttentionBackend.class)
                .addResource(COMPONENT_XML, new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .build(TinyBundles.rawBuilder());
    }
}
