package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.itests.registrar.TreeAttentionRegistrar;
import org.backendregistry.itests.registrar.TreeAttentionRegistrarBundle;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * vLLM's own registry test cases (CUSTOM, register by class name) and registrations owned by the
 * bundle that made them.
 */
@ExamReactorStrategy(PerClass.class)
public class ProgrammaticRegistrationIT extends BackendRegistryTestSupport {

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), TreeAttentionRegistrarBundle.built());
    }

    @Test
    public void customIsNotAnAliasOfAnyOtherNameAndHasNoDefault() {
        for (AttentionBackendId id : AttentionBackendId.values()) {
            if (id != AttentionBackendId.CUSTOM) {
                assertNotEquals(AttentionBackendId.CUSTOM, id);
                assertNotEquals(AttentionBackendId.CUSTOM, AttentionBackendId.of(id.name()));
                assertTrue(id.name() + " has a default", id.defaultClassName().isPresent());
            }
        }
        for (MambaBackendId id : MambaBackendId.values()) {
            if (id != MambaBackendId.CUSTOM) {
                assertNotEquals(MambaBackendId.CUSTOM, id);
                assertTrue(id.name() + " has a default", id.defaultClassName().isPresent());
            }
        }
        assertFalse("no deprecated name stands for CUSTOM",
                AttentionBackendId.FAMILY.deprecatedNames().containsValue("CUSTOM"));
        assertEquals("CUSTOM", AttentionBackendId.CUSTOM.name());
        assertSame(AttentionBackendId.CUSTOM, AttentionBackendId.of("CUSTOM"));
        assertEquals(AttentionBackendId.CUSTOM, registry.lookup(AttentionBackendId.FAMILY, "CUSTOM"));
        assertEquals(MambaBackendId.CUSTOM, registry.lookup(MambaBackendId.FAMILY, "CUSTOM"));
        assertTrue(AttentionBackendId.CUSTOM.defaultClassName().isEmpty());
        assertTrue(MambaBackendId.CUSTOM.defaultClassName().isEmpty());
    }

    @Test
    public void customMustBeRegisteredBeforeUseWhileItsBundleIsOnlyInstalled() throws BundleException {
        install("custom-backend");

        for (BackendId<?> custom : Arrays.asList(AttentionBackendId.CUSTOM, MambaBackendId.CUSTOM)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> registry.path(custom));
            assertTrue(error.getMessage(), error.getMessage().startsWith("Backend CUSTOM must be registered before use."));
            assertThrows(IllegalStateException.class, () -> registry.backend(custom));
            assertFalse(registry.isOverridden(custom));
            assertTrue(registry.serving(custom).isEmpty());
        }
    }

    @Test
    public void registeringCustomByClassNameThroughTheCallingBundleServesThatClass() throws BundleException {
        Bundle customBundle = install("custom-backend");
        customBundle.start();
        BackendRegistry customRegistry = registryOf(customBundle);

        try (BackendRegistration attention = customRegistry.register(AttentionBackendId.CUSTOM, CUSTOM_ATTENTION_CLASS);
                BackendRegistration mamba = customRegistry.register(MambaBackendId.CUSTOM, CUSTOM_MAMBA_CLASS)) {
            assertEquals(CUSTOM_ATTENTION_CLASS, attention.className());
            assertServedByRegistrationOf(customBundle, AttentionBackendId.CUSTOM, CUSTOM_ATTENTION_CLASS);
            assertEquals("CUSTOM", registry.backend(AttentionBackendId.CUSTOM).name());

            assertEquals(CUSTOM_MAMBA_CLASS, mamba.className());
            assertServedByRegistrationOf(customBundle, MambaBackendId.CUSTOM, CUSTOM_MAMBA_CLASS);
            assertEquals("CUSTOM", registry.backend(MambaBackendId.CUSTOM).name());
        }

        assertThrows("mamba CUSTOM after its registration is closed", IllegalStateException.class,
                () -> registry.path(MambaBackendId.CUSTOM));
        customBundle.stop();
        assertThrows("CUSTOM after the custom-backend bundle stopped", IllegalStateException.class,
                () -> registry.path(AttentionBackendId.CUSTOM));
        assertFalse(registry.isOverridden(AttentionBackendId.CUSTOM));
    }

    @Test
    public void registeringAClassTheCallerCannotLoadFailsNamingTheClass() throws BundleException {
        Bundle customBundle = install("custom-backend");
        customBundle.start();
        BackendRegistry customRegistry = registryOf(customBundle);
        String missing = "org.backendregistry.examples.custom.NoSuchBackend";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> customRegistry.register(MambaBackendId.CUSTOM, missing));

        assertTrue(error.getMessage(), error.getMessage().contains(missing));
        assertFalse(registry.isOverridden(MambaBackendId.CUSTOM));
        assertThrows(IllegalStateException.class, () -> registry.path(MambaBackendId.CUSTOM));
    }

    @Test
    public void registeringAClassThatIsNotOfTheFamilysTypeIsRejected() throws BundleException {
        Bundle customBundle = install("custom-backend");
        customBundle.start();
        BackendRegistry customRegistry = registryOf(customBundle);

        IllegalArgumentException notABackend = assertThrows(IllegalArgumentException.class,
                () -> customRegistry.register(MambaBackendId.CUSTOM, "java.lang.String"));
        IllegalArgumentException attentionAsMamba = assertThrows(IllegalArgumentException.class,
                () -> customRegistry.register(MambaBackendId.CUSTOM, CUSTOM_ATTENTION_CLASS));

        assertTrue(notABackend.getMessage(), notABackend.getMessage().contains("java.lang.String"));
        assertTrue(notABackend.getMessage(), notABackend.getMessage().contains("MambaBackend"));
        assertTrue(attentionAsMamba.getMessage(), attentionAsMamba.getMessage().contains(CUSTOM_ATTENTION_CLASS));
        assertFalse(registry.isOverridden(MambaBackendId.CUSTOM));
        assertThrows(IllegalStateException.class, () -> registry.path(MambaBackendId.CUSTOM));
    }

    @Test
    public void aProgrammaticRegistrationVanishesWhenItsBundleStops() throws BundleException {
        Bundle registrar = install(TreeAttentionRegistrarBundle.JAR);
        assertEquals(TreeAttentionRegistrarBundle.SYMBOLIC_NAME, registrar.getSymbolicName());

        registrar.start();
        assertServedByRegistrationOf(registrar, AttentionBackendId.TREE_ATTN, TreeAttentionRegistrar.BACKEND_CLASS);
        assertEquals("TREE_ATTN", registry.backend(AttentionBackendId.TREE_ATTN).name());

        registrar.stop();
        assertServedByDefault(AttentionBackendId.TREE_ATTN);

        registrar.start();
        assertServedByRegistrationOf(registrar, AttentionBackendId.TREE_ATTN, TreeAttentionRegistrar.BACKEND_CLASS);
        registrar.stop();
        assertServedByDefault(AttentionBackendId.TREE_ATTN);
    }

    /** The registry as {@code bundle} sees it: registrations made through it belong to that bundle. */
    private static BackendRegistry registryOf(Bundle bundle) {
        ServiceReference<BackendRegistry> reference = bundle.getBundleContext()
                .getServiceReference(BackendRegistry.class);
        assertNotNull("no BackendRegistry service", reference);
        return bundle.getBundleContext().getService(reference);
    }

    private void assertServedByRegistrationOf(Bundle owner, BackendId<?> id, String className) {
        assertTrue(id.name() + ": isOverridden", registry.isOverridden(id));
        assertEquals(id.name() + ": path", className, registry.path(id));
        assertEquals(id.name() + ": backendClass", className, registry.backendClass(id).getName());
        BackendProvider provider = registry.serving(id)
                .orElseThrow(() -> new AssertionError(id.name() + ": nothing serves it"));
        assertEquals(id.name() + ": served by " + provider, BackendProvider.Origin.REGISTRATION, provider.origin());
        assertEquals(id.name() + ": served by " + provider, owner.getBundleId(), provider.bundleId());
    }
}
