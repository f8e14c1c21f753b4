package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.backendregistry.api.BackendProvider;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Per-backend configuration the OSGi way, with the flash-attn-jvm example: its tuning comes from its own
 * PID and an update keeps its registration; a factory configuration adds a provider under a plugin name,
 * and deleting it removes the provider; a provider made anew inherits nothing.
 */
@ExamReactorStrategy(PerClass.class)
public class BackendConfigurationIT extends BackendRegistryTestSupport {

    private static final String PID = "org.backendregistry.examples.flashattn";
    private static final String FACTORY_PID = "org.backendregistry.examples.flashattn.provider";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject());
    }

    private static Dictionary<String, Object> properties(Object... keysAndValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    public void theOverridesTilesComeFromItsPidAndAnUpdateKeepsItsPlace() throws Exception {
        install("flash-attn-jvm").start();
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> registry.backend(AttentionBackendId.FLASH_ATTN).toString()
                .equals("FLASH_ATTN (query tile 16, key tile 32)"));
        long serviceId = registry.serving(AttentionBackendId.FLASH_ATTN).map(BackendProvider::id).orElseThrow();
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        try {
            configuration.update(properties("query.tile", 4, "key.tile", 8));

            waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> registry.backend(AttentionBackendId.FLASH_ATTN).toString()
                    .equals("FLASH_ATTN (query tile 4, key tile 8)"));
            assertEquals(serviceId, registry.serving(AttentionBackendId.FLASH_ATTN).map(BackendProvider::id)
                    .orElseThrow().longValue());
        } finally {
            configuration.delete();
        }
    }

    @Test
    public void aFactoryConfigurationAddsUpdatesAndRemovesAProviderAndANewOneInheritsNothing() throws Exception {
        install("flash-attn-jvm").start();
        org.osgi.service.cm.Configuration first = configurationAdmin.getFactoryConfiguration(FACTORY_PID, "tiny", "?");
        first.update(properties("backend.name", "JVM_FLASH_TINY", "query.tile", 2));
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> registry.backend(AttentionBackendId.FAMILY, "JVM_FLASH_TINY")
                .toString().equals("JVM_FLASH_TINY (query tile 2, key tile 32)"));
        long serviceId = registry.serving(registry.lookup(AttentionBackendId.FAMILY, "JVM_FLASH_TINY"))
                .map(BackendProvider::id).orElseThrow();

        first.update(properties("backend.name", "JVM_FLASH_TINY", "query.tile", 8));
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> registry.backend(AttentionBackendId.FAMILY, "JVM_FLASH_TINY")
                .toString().equals("JVM_FLASH_TINY (query tile 8, key tile 32)"));
        assertEquals(serviceId, registry.serving(registry.lookup(AttentionBackendId.FAMILY, "JVM_FLASH_TINY"))
                .map(BackendProvider::id).orElseThrow().longValue());

        first.delete();
        waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> {
            try {
                registry.lookup(AttentionBackendId.FAMILY, "JVM_FLASH_TINY");
                return false;
            } catch (IllegalArgumentException unknownAgain) {
                return true;
            }
        });
        assertThrows(IllegalArgumentException.class, () -> registry.lookup(AttentionBackendId.FAMILY, "JVM_FLASH_TINY"));

        org.osgi.service.cm.Configuration again = configurationAdmin.getFactoryConfiguration(FACTORY_PID, "tiny", "?");
        try {
            again.update(properties("backend.name", "JVM_FLASH_TINY"));
            waitingAtMost(SETTLE_TIMEOUT_MS).until(() -> registry.backend(AttentionBackendId.FAMILY, "JVM_FLASH_TINY")
                    .toString().equals("JVM_FLASH_TINY (query tile 16, key tile 32)"));
        } finally {
            again.delete();
        }
    }
}
