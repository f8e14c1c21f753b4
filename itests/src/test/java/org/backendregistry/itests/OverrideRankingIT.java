package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistration;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Which of several overrides serves a name: ranking, then service id, re-sorted when properties change;
 * programmatic registrations above services; clearOverride setting overrides aside.
 */
@ExamReactorStrategy(PerClass.class)
public class OverrideRankingIT extends BackendRegistryTestSupport {

    private static final AttentionBackendId FLASH_ATTN = AttentionBackendId.FLASH_ATTN;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    @Test
    public void ofTwoOverridesTheHigherRankedServesWhicheverCameFirst() {
        TestAttentionBackend high = new TestAttentionBackend("FLASH_ATTN", "ranked 20");
        TestAttentionBackend low = new TestAttentionBackend("FLASH_ATTN", "ranked 10");

        ServiceRegistration<AttentionBackend> highRegistration = registerAttentionService(high, "FLASH_ATTN", 20);
        ServiceRegistration<AttentionBackend> lowRegistration = registerAttentionService(low, "FLASH_ATTN", 10);
        assertServedBy(high, highRegistration);

        highRegistration.unregister();
        assertServedBy(low, lowRegistration);
        lowRegistration.unregister();
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void ofTwoOverridesWithEqualRankingTheLowerServiceIdServes() {
        TestAttentionBackend first = new TestAttentionBackend("FLASH_ATTN", "first");
        TestAttentionBackend second = new TestAttentionBackend("FLASH_ATTN", "second");

        ServiceRegistration<AttentionBackend> firstRegistration = registerAttentionService(first, "FLASH_ATTN", 5);
        ServiceRegistration<AttentionBackend> secondRegistration = registerAttentionService(second, "FLASH_ATTN", 5);
        assertTrue(serviceId(firstRegistration) < serviceId(secondRegistration));
        assertServedBy(first, firstRegistration);

        firstRegistration.unregister();
        assertServedBy(second, secondRegistration);
    }

    @Test
    public void aRankingChangedAtRuntimeReSortsTheOverrides() {
        TestAttentionBackend a = new TestAttentionBackend("FLASH_ATTN", "a");
        TestAttentionBackend b = new TestAttentionBackend("FLASH_ATTN", "b");
        ServiceRegistration<AttentionBackend> aRegistration = registerAttentionService(a, "FLASH_ATTN", 10);
        ServiceRegistration<AttentionBackend> bRegistration = registerAttentionService(b, "FLASH_ATTN", 5);
        assertServedBy(a, aRegistration);

        bRegistration.setProperties(properties("FLASH_ATTN", 20));
        assertServedBy(b, bRegistration);
        assertEquals(20, registry.serving(FLASH_ATTN).orElseThrow().ranking());

        aRegistration.setProperties(properties("FLASH_ATTN", 30));
        assertServedBy(a, aRegistration);
    }

    @Test
    public void aNameChangedAtRuntimeMovesTheProviderAndTheOldNameRevertsToItsDefault() {
        TestAttentionBackend moving = new TestAttentionBackend("FLASH_ATTN", "moving");
        ServiceRegistration<AttentionBackend> registration = registerAttentionService(moving, "FLASH_ATTN", null);
        assertServedBy(moving, registration);

        registration.setProperties(properties("TRITON_ATTN", null));

        assertServedByDefault(FLASH_ATTN);
        assertTrue(registry.isOverridden(AttentionBackendId.TRITON_ATTN));
        assertSame(moving, registry.backend(AttentionBackendId.TRITON_ATTN));
        assertEquals(serviceId(registration), registry.serving(AttentionBackendId.TRITON_ATTN).orElseThrow().id());
    }

    @Test
    public void aProgrammaticRegistrationOutranksEveryOverrideServiceUntilItIsClosed() {
        TestAttentionBackend service = new TestAttentionBackend("TORCH_SDPA", "ranked service");
        ServiceRegistration<AttentionBackend> serviceRegistration = registerAttentionService(service, "TORCH_SDPA",
                Integer.MAX_VALUE);

        try (BackendRegistration registration = registry.register(AttentionBackendId.TORCH_SDPA,
                TestAttentionBackend.class)) {
            assertEquals(TestAttentionBackend.class.getName(), registry.path(AttentionBackendId.TORCH_SDPA));
            BackendProvider provider = registry.serving(AttentionBackendId.TORCH_SDPA).orElseThrow();
            assertEquals(provider.toString(), BackendProvider.Origin.REGISTRATION, provider.origin());
            assertEquals(AttentionBackendId.TORCH_SDPA, registration.id());
        }

        assertSame(service, registry.backend(AttentionBackendId.TORCH_SDPA));
        assertEquals(serviceId(serviceRegistration), registry.serving(AttentionBackendId.TORCH_SDPA).orElseThrow().id());
    }

    @Test
    public void clearOverrideRevertsToTheDefaultAndOnlyANewRegistrationOverridesAgain() {
        TestAttentionBackend setAside = new TestAttentionBackend("FLASH_ATTN", "set aside");
        ServiceRegistration<AttentionBackend> setAsideRegistration = registerAttentionService(setAside, "FLASH_ATTN", 10);
        assertServedBy(setAside, setAsideRegistration);

        registry.clearOverride(FLASH_ATTN);
        assertServedByDefault(FLASH_ATTN);

        setAsideRegistration.setProperties(properties("FLASH_ATTN", 100));
        assertServedByDefault(FLASH_ATTN);

        TestAttentionBackend newcomer = new TestAttentionBackend("FLASH_ATTN", "newcomer");
        ServiceRegistration<AttentionBackend> newcomerRegistration = registerAttentionService(newcomer, "FLASH_ATTN", 1);
        assertServedBy(newcomer, newcomerRegistration);

        newcomerRegistration.unregister();
        assertServedByDefault(FLASH_ATTN);
    }

    @Test
    public void clearOverrideOfANameThatIsNotOverriddenChangesNothing() {
        long generation = registry.generation();

        registry.clearOverride(AttentionBackendId.TRITON_ATTN);
        registry.clearOverride(AttentionBackendId.CUSTOM);

        assertServedByDefault(AttentionBackendId.TRITON_ATTN);
        assertFalse(registry.isOverridden(AttentionBackendId.CUSTOM));
        assertEquals(generation, registry.generation());
    }

    private void assertServedBy(TestAttentionBackend expected, ServiceRegistration<AttentionBackend> registration) {
        assertSame(expected, registry.backend(FLASH_ATTN));
        assertTrue(registry.isOverridden(FLASH_ATTN));
        assertEquals(TestAttentionBackend.class.getName(), registry.path(FLASH_ATTN));
        BackendProvider provider = registry.serving(FLASH_ATTN).orElseThrow();
        assertEquals(provider.toString(), serviceId(registration), provider.id());
        assertEquals(provider.toString(), BackendProvider.Origin.SERVICE, provider.origin());
    }
}
