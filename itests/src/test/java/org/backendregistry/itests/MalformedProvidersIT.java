package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Services that are not valid providers are skipped, each with a logged reason, and never disturb the
 * backends that are valid.
 */
@ExamReactorStrategy(PerClass.class)
public class MalformedProvidersIT extends BackendRegistryTestSupport {

    /** Ranked above every default, so that a malformed service taken for FLASH_ATTN would be noticed. */
    private static final int HIGH_RANKING = 1_000;

    private LogCapture log;

    @Inject
    private BackendRegistryRuntime runtime;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    @Before
    public void captureTheRegistryLog() {
        log = LogCapture.attach("org.backendregistry.registry");
    }

    @After
    public void stopCapturing() {
        log.close();
    }

    @Test
    public void aServiceWithoutABackendNameIsSkippedWithALoggedReason() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed(null);

        assertSkippedWithLoggedReason(registration, "backend.name");
    }

    @Test
    public void aServiceWithAnEmptyBackendNameIsSkippedWithALoggedReason() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed("");

        assertSkippedWithLoggedReason(registration, "backend.name");
    }

    @Test
    public void aLowerCaseBackendNameIsNotTakenForTheUpperCaseOneAndTheReasonSuggestsIt() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed("flash_attn");

        assertSkippedWithLoggedReason(registration, "backend.name", "flash_attn", "FLASH_ATTN");
    }

    @Test
    public void aMalformedServiceIsLoggedOnceAndNotAgainWhenItsOtherPropertiesChange() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed("flash_attn");
        registration.setProperties(properties("flash_attn", HIGH_RANKING + 1));

        Pattern serviceIdMention = Pattern.compile("\\b" + serviceId(registration) + "\\b");
        List<String> aboutIt = log.warnings().stream().filter(w -> serviceIdMention.matcher(w).find()).toList();
        assertEquals("warnings naming service " + serviceId(registration) + ": " + aboutIt, 1, aboutIt.size());
        assertEveryDefaultServes();
    }

    @Test
    public void anIntegerBackendNameIsSkippedWithALoggedReason() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed(5);

        assertSkippedWithLoggedReason(registration, "backend.name");
    }

    @Test
    public void aTwoElementBackendNameServesNeitherNameAndIsSkippedWithALoggedReason() {
        ServiceRegistration<AttentionBackend> registration = registerMalformed(new String[] {"FLASH_ATTN", "TRITON_ATTN"});

        assertSkippedWithLoggedReason(registration, "backend.name", "FLASH_ATTN", "TRITON_ATTN");
    }

    @Test
    public void aProviderWhoseGetServiceThrowsIsPassedOverForTheDefaultWithALoggedReason() {
        ServiceFactory<AttentionBackend> failing = new ServiceFactory<>() {
            @Override
            public AttentionBackend getService(Bundle bundle, ServiceRegistration<AttentionBackend> registration) {
                throw new IllegalStateException("this backend cannot be created");
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<AttentionBackend> registration,
                    AttentionBackend service) {
            }
        };
        ServiceRegistration<AttentionBackend> registration = unregisterAfterTest(
                bundleContext.registerService(AttentionBackend.class, failing, properties("TRITON_ATTN", HIGH_RANKING)));

        assertServedByDefault(AttentionBackendId.TRITON_ATTN);
        assertEquals(AttentionBackendId.TRITON_ATTN.defaultClassName().orElseThrow(),
                registry.backend(AttentionBackendId.TRITON_ATTN).getClass().getName());
        assertEveryDefaultServes();
        assertLogged(registration, "TRITON_ATTN");

        registration.unregister();
        assertServedByDefault(AttentionBackendId.TRITON_ATTN);
    }

    @Test
    public void aOneElementArrayNameIsTakenAsThatName() {
        TestAttentionBackend backend = new TestAttentionBackend("FLASH_ATTN", "one-element array");
        registerAttentionService(backend, new String[] {"FLASH_ATTN"}, HIGH_RANKING);

        assertSame(backend, registry.backend(AttentionBackendId.FLASH_ATTN));
        assertTrue(registry.isOverridden(AttentionBackendId.FLASH_ATTN));
        assertTrue("nothing logged: " + log.warnings(), log.warnings().isEmpty());
    }

    @Test
    public void aRejectedServiceComingChangingAndGoingRaisesTheChangeCountThatConsolesWaitOn()
            throws InterruptedException {
        long initial = changeCount();

        ServiceRegistration<AttentionBackend> registration = registerMalformed("flash_attn");
        assertTrue("service.changecount stayed " + initial + " after a malformed service was registered",
                awaitRegistry(r -> changeCount() > initial));
        FailedServiceDTO failure = failure(registration)
                .orElseThrow(() -> new AssertionError("service " + serviceId(registration) + " is not a failure"));
        assertEquals(FailureReason.INVALID_NAME, failure.reason);
        assertEquals("'flash_attn' (String)", failure.value);
        assertEveryDefaultServes();

        long rejected = changeCount();
        registration.setProperties(properties(5, HIGH_RANKING));
        assertTrue("service.changecount stayed " + rejected + " after the failure changed",
                awaitRegistry(r -> changeCount() > rejected));
        assertEquals("'5' (Integer)", failure(registration).map(f -> f.value).orElse("no failure"));

        long changed = changeCount();
        long id = serviceId(registration);
        registration.unregister();
        assertTrue("service.changecount stayed " + changed + " after the malformed service left",
                awaitRegistry(r -> changeCount() > changed));
        assertFalse("service " + id + " is still a failure", Arrays.stream(runtime.getRuntimeDTO().failedServices)
                .anyMatch(f -> f.serviceId == id));
        assertEveryDefaultServes();
    }

    /** @return the runtime service's {@code service.changecount} now, which the shell and Web Console wait on */
    private long changeCount() {
        return (Long) bundleContext.getServiceReference(BackendRegistryRuntime.class)
                .getProperty(Constants.SERVICE_CHANGECOUNT);
    }

    /** @return the runtime view's failure of the service, if it lists one */
    private Optional<FailedServiceDTO> failure(ServiceRegistration<?> registration) {
        long id = serviceId(registration);
        return Arrays.stream(runtime.getRuntimeDTO().failedServices).filter(f -> f.serviceId == id).findFirst();
    }

    /** Registers a FLASH_ATTN object, ranked high, under a malformed {@code backend.name}. */
    private ServiceRegistration<AttentionBackend> registerMalformed(Object name) {
        return registerAttentionService(new TestAttentionBackend("FLASH_ATTN", "malformed " + name), name,
                HIGH_RANKING);
    }

    private void assertSkippedWithLoggedReason(ServiceRegistration<AttentionBackend> registration,
            String... reasonMentions) {
        assertEveryDefaultServes();
        assertEquals("the attention names known", List.copyOf(AttentionBackendId.FAMILY.catalog()),
                registry.names(AttentionBackendId.FAMILY));
        assertLogged(registration, reasonMentions);

        registration.unregister();
        assertEveryDefaultServes();
    }

    /** Asserts that one warning names the service (by its {@code service.id}) and mentions the rest. */
    private void assertLogged(ServiceRegistration<AttentionBackend> registration, String... mentions) {
        Pattern serviceIdMention = Pattern.compile("\\b" + serviceId(registration) + "\\b");
        List<String> warnings = log.warnings();
        assertTrue("no warning names service " + serviceId(registration) + " and mentions all of "
                + Arrays.toString(mentions) + "; warnings: " + warnings,
                warnings.stream().anyMatch(w -> serviceIdMention.matcher(w).find()
                        && Arrays.stream(mentions).allMatch(w::contains)));
    }
}
