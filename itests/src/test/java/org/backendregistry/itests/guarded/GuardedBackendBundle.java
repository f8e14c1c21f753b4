package org.backendregistry.itests.guarded;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.backendregistry.itests.ThrowAwayBundle;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds the throw-away bundle around {@link GuardedAttentionBackend}: a DS component described by a
 * hand-written component XML, overriding FLASH_ATTN above every other provider. Runs where Pax Exam
 * reads the configuration; the test installs the jar itself.
 */
public final class GuardedBackendBundle {

    /** The name under which the test finds the jar, as for the modules' jars. */
    public static final String JAR = "guarded-backend";

    /** The bundle's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.backendregistry.itests.guarded-backend";

    /** Ranked above the test's steady provider. */
    public static final int RANKING = 100;

    private static final String COMPONENT_XML = "OSGI-INF/guarded-backend.xml";

    private GuardedBackendBundle() {
    }

    /** @return the option that tells the test where the freshly built jar is */
    public static Option built() {
        return ThrowAwayBundle.built(JAR, SYMBOLIC_NAME, GuardedBackendBundle::bundleBytes);
    }

    private static InputStream bundleBytes() {
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" activate="activate"
                    deactivate="deactivate">
                  <implementation class="%s"/>
                  <service>
                    <provide interface="org.backendregistry.attention.AttentionBackend"/>
                  </service>
                  <property name="backend.name" type="String" value="FLASH_ATTN"/>
                  <property name="service.ranking" type="Integer" value="%d"/>
                </scr:component>
                """.formatted(GuardedAttentionBackend.class.getName(), GuardedAttentionBackend.class.getName(), RANKING);
        return TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.backendregistry.api,org.backendregistry.attention")
                .setHeader("Service-Component", COMPONENT_XML)
                .addClass(GuardedAttentionBackend.class)
                .addResource(COMPONENT_XML, new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .build(TinyBundles.rawBuilder());
    }
}
