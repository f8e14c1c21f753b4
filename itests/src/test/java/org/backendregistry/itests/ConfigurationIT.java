package org.backendregistry.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.After;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The operator's configuration {@code org.backendregistry} through ConfigAdmin: pins, the trust policy,
 * the closed catalog, invalid values reported and corrected without a restart, and the Metatype that
 * consoles show.
 */
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;
    private static final String CUDA_FLASH = "org.backendregistry.backends.cuda.FlashAttentionBackend";
    private static final String CUDA_BUNDLE = "org.backendregistry.backends.cuda";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BackendRegistryRuntime runtime;

    @Inject
    private MetaTypeService metaTypes;

    /** The folder FileInstall watches for .cfg files, as an operator's etc/ or deploy/ folder. */
    private static final String WATCHED_FOLDER = "backendregistry.itest.watched";

    @Configuration
    public Option[] configuration() throws IOException {
        Path watched = Files.createTempDirectory("backend-registry-etc");
        System.setProperty(WATCHED_FOLDER, watched.toString());
        return options(baseConfiguration(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject(),
                frameworkProperty("felix.fileinstall.dir").value(watched.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
    }

    @After
    public void deleteTheConfiguration() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(
                BackendRegistryRuntime.PID, "?");
        if (configuration.getProperties() != null) {
            configuration.delete();
        }
        awaitRuntime("the registry returns to its defaults", dto -> dto.configurationProblems.length == 0
                && Arrays.stream(dto.names).allMatch(name -> name.pin == null));
    }

    private void configure(Object... keysAndValues) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        configurationAdmin.getConfiguration(BackendRegistryRuntime.PID, "?").update(properties);
    }

    /** ConfigAdmin delivers on its own thread: wait, bounded, until the runtime view shows the effect. */
    private void awaitRuntime(String effect, Predicate<RegistryRuntimeDTO> condition) {
        waitingAtMost(SETTLE_TIMEOUT_MS).alias(effect).until(() -> condition.test(runtime.getRuntimeDTO()));
    }

    private NameDTO flash() {
        return Arrays.stream(runtime.getRuntimeDTO().names).filter(n -> n.name.equals("FLASH_ATTN")
                && n.family.equals("attention")).findFirst().orElseThrow();
    }

    /** @return the runtime service's {@code service.changecount} now */
    private long changeCount() {
        ServiceReference<BackendRegistryRuntime> reference = bundleContext.getServiceReference(
                BackendRegistryRuntime.class);
        return (Long) reference.getProperty(Constants.SERVICE_CHANGECOUNT);
    }

    private String probeSymbolicName() {
        return FrameworkUtil.getBundle(getClass()).getSymbolicName();
    }

    @Test
    public void consolesSeeTheConfigurationDescribedByMetatype() {
        Bundle registryBundle = FrameworkUtil.getBundle(BackendRegistryRuntime.class);
        ObjectClassDefinition definition = metaTypes.getMetaTypeInformation(registryBundle)
                .getObjectClassDefinition(BackendRegistryRuntime.PID, null);

        assertEquals("Backend Registry", definition.getName());
        assertArrayEquals(new String[] { "pins", "pin.fallback", "catalog.closed", "trusted.bundles",
                "deprecation.warnings", "drain.timeout", "remote.policy" }, Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                        .map(AttributeDefinition::getID).toArray());
    }

    @Test
    public void aPinByClassNameFindsAPlainServiceThatNeverServed() throws Exception {
        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "ranked higher"), "FLASH_ATTN", 10);
        ServiceRegistration<AttentionBackend> plain = registerAttentionService(new PinnedByClass(), "FLASH_ATTN", 5);

        configure("pins", "FLASH_ATTN=" + PinnedByClass.class.getName());

        awaitRuntime("FLASH_ATTN served by the plain service pinned by its class",
                dto -> flash().serving != null && flash().serving.id == serviceId(plain));
        assertEquals(PinnedByClass.class.getName(), registry.path(FLASH_ATTN));
    }

    /** A backend class of its own, so that a pin by class name tells it from the other test backends. */
    public static final class PinnedByClass extends TestAttentionBackend {
        public PinnedByClass() {
            super("FLASH_ATTN", "pinned by class");
        }
    }

    @Test
    public void theRuntimeServicesChangeCountGrowsWhenAnOverrideTakesFlashAttnAndWhenAConfigurationIsApplied()
            throws Exception {
        long initial = changeCount();

        install("flash-attn-jvm").start();
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));
        assertTrue("service.changecount stayed " + initial + " after the override took FLASH_ATTN",
                awaitRegistry(r -> changeCount() > initial));
        long overridden = changeCount();

        configure("catalog.closed", "perhaps");
        assertTrue("service.changecount stayed " + overridden + " after a configuration was applied",
                awaitRegistry(r -> changeCount() > overridden));
        assertEquals("a configuration that changes no provider", JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));
        assertEquals(1, runtime.getRuntimeDTO().configurationProblems.length);
    }

    @Test
    public void aPinInTheConfigurationDecidesWhoServesAndDeletingItRestoresTheUsualOrder() throws Exception {
        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "override"), "FLASH_ATTN", 10);
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));

        configure("pins", "FLASH_ATTN=" + CUDA_BUNDLE);
        awaitRuntime("FLASH_ATTN pinned to " + CUDA_BUNDLE, dto -> CUDA_BUNDLE.equals(flash().pin));
        assertEquals(CUDA_FLASH, registry.path(FLASH_ATTN));
        assertEquals(NotServingReason.PINNED_AWAY, flash().notServing[0].reason);

        configurationAdmin.getConfiguration(BackendRegistryRuntime.PID, "?").delete();
        awaitRuntime("FLASH_ATTN unpinned", dto -> flash().pin == null);
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
    }

    @Test
    public void aCfgFileInTheWatchedFolderConfiguresTheRegistryAndRemovingItUndoesThat() throws Exception {
        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "override"), "FLASH_ATTN", 10);
        Path folder = Path.of(System.getProperty(WATCHED_FOLDER));
        Path staged = Files.createTempFile("org.backendregistry", ".tmp");
        Files.writeString(staged, "# pin FLASH_ATTN to its default\npins = FLASH_ATTN=" + CUDA_BUNDLE + "\n");
        Path cfg = folder.resolve("org.backendregistry.cfg");

        Files.move(staged, cfg, StandardCopyOption.ATOMIC_MOVE);
        awaitRuntime("FileInstall hands the .cfg to ConfigAdmin, which hands it to the registry",
                dto -> CUDA_BUNDLE.equals(flash().pin));
        assertEquals(CUDA_FLASH, registry.path(FLASH_ATTN));

        Files.delete(cfg);
        awaitRuntime("FLASH_ATTN unpinned", dto -> flash().pin == null);
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
    }

    @Test
    public void aStrictPinWhoseProviderIsAbsentFailsLookupsNamingThePinUnlessFallbackIsConfigured() throws Exception {
        configure("pins", "FLASH_ATTN=com.example.absent");
        awaitRuntime("FLASH_ATTN served by nothing", dto -> flash().serving == null);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> registry.path(FLASH_ATTN));
        assertTrue(error.getMessage(), error.getMessage().startsWith(
                "Backend FLASH_ATTN is pinned to 'com.example.absent' (configuration org.backendregistry, pins)"));

        configure("pins", "FLASH_ATTN=com.example.absent", "pin.fallback", Boolean.TRUE);
        awaitRuntime("FLASH_ATTN served again", dto -> flash().serving != null);
        assertEquals(CUDA_FLASH, registry.path(FLASH_ATTN));
    }

    @Test
    public void trustedBundlesLetATrustedOverrideThroughAndDenyAnUntrustedOne() throws Exception {
        Bundle flashJvm = install("flash-attn-jvm");
        flashJvm.start();
        assertEquals(JVM_FLASH_ATTN_CLASS, registry.path(FLASH_ATTN));

        configure("trusted.bundles", probeSymbolicName());
        awaitRuntime("the untrusted bundle's override is denied; the default serves again",
                dto -> CUDA_FLASH.equals(flash().serving.className));
        assertEquals(CUDA_FLASH, registry.path(FLASH_ATTN));
        assertEquals(NotServingReason.DENIED_BY_POLICY, flash().notServing[0].reason);

        registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "trusted"), "FLASH_ATTN", 1);
        assertEquals("the probe bundle is trusted", TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
    }

    @Test
    public void anInvalidValueIsReportedTheRestAppliesAndCorrectingItRecoversWithoutARestart() throws Exception {
        configure("catalog.closed", "perhaps", "pins", "FLASH_ATTN=" + CUDA_BUNDLE);
        awaitRuntime("one problem, and the pin applied",
                dto -> dto.configurationProblems.length == 1 && CUDA_BUNDLE.equals(flash().pin));
        assertEquals("catalog.closed: 'perhaps' is not true or false; false applies",
                runtime.getRuntimeDTO().configurationProblems[0]);
        assertEquals(CUDA_BUNDLE, flash().pin);

        configure("catalog.closed", "true");
        awaitRuntime("no problem, and no pin", dto -> dto.configurationProblems.length == 0 && flash().pin == null);
        registerAttentionService(new TestAttentionBackend("MY_KERNEL", "plugin"), "MY_KERNEL", null);
        RegistryRuntimeDTO dto = runtime.getRuntimeDTO();
        assertEquals(1, dto.failedServices.length);
        assertEquals(FailureReason.UNKNOWN_NAME, dto.failedServices[0].reason);
        assertEquals("'MY_KERNEL'", dto.failedServices[0].value);
        assertThrows(IllegalArgumentException.class, () -> registry.lookup(AttentionBackendId.FAMILY, "MY_KERNEL"));

        configure("catalog.closed", "false");
        awaitRuntime("MY_KERNEL served, no failed service", state -> state.failedServices.length == 0
                && Arrays.stream(state.names).anyMatch(name -> name.name.equals("MY_KERNEL") && name.serving != null));
        assertEquals(TestAttentionBackend.class.getName(),
                registry.path(registry.lookup(AttentionBackendId.FAMILY, "MY_KERNEL")));
        assertNull(flash().pin);
    }
}
