package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.OverrideB;
import org.junit.jupiter.api.Test;

/** remote.policy: where providers imported from another framework stand against local ones. */
class RemotePolicyTest extends CoreFixture {

    private static final Owner RSA = new Owner(30, "org.apache.aries.rsa.core", "1.14.0");
    private static final String UUID = "7c1f0b6e-0000-4000-8000-00000000000a";
    private static final String ENDPOINT = "tcp://127.0.0.1:8201";

    private final RuntimeView view = new RuntimeView(core);

    private void localDefault() {
        track(AttentionBackendId.FAMILY, FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault(),
                DEFAULTS);
    }

    /** An imported service, as Remote Service Admin registers it: the exporter's properties plus the endpoint's. */
    private static FakeService imported(Object backend, boolean asDefault) {
        FakeService service = FakeService.of(backend, "FLASH_ATTN").ranking(Integer.MIN_VALUE);
        if (asDefault) {
            service.asDefault();
        }
        service.properties.put("service.imported", "true");
        service.properties.put("endpoint.framework.uuid", UUID);
        service.properties.put("endpoint.id", ENDPOINT);
        return service;
    }

    private NameDTO flashAttn() {
        return Arrays.stream(view.snapshot().names).filter(n -> n.name.equals("FLASH_ATTN")).findFirst().orElseThrow();
    }

    @Test
    void byDefaultALocalDefaultBeatsAnImportedDefaultWhateverItsRanking() {
        localDefault();
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), true).ranking(100), RSA);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        NotServingDTO loser = flashAttn().notServing[0];
        assertEquals(NotServingReason.SHADOWED, loser.reason);
        assertTrue(loser.provider.imported);
        assertEquals(ENDPOINT, loser.provider.endpointId);
    }

    @Test
    void preferRemoteMakesTheImportedDefaultServeAndTheViewNamesItsEndpoint() {
        localDefault();
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), true), RSA);

        configure("remote.policy", "prefer-remote");

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
        NameDTO name = flashAttn();
        assertTrue(name.serving.imported);
        assertEquals(UUID, name.serving.endpointFrameworkUuid);
        assertEquals(ENDPOINT, name.serving.endpointId);
        assertFalse(name.notServing[0].provider.imported);
        assertNull(name.notServing[0].provider.endpointId);
    }

    @Test
    void aLocalOverrideStillBeatsAnImportedDefaultUnderPreferRemote() {
        localDefault();
        track(FakeService.of(new OverrideB("FLASH_ATTN"), "FLASH_ATTN"));
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), true), RSA);

        configure("remote.policy", "prefer-remote");

        assertEquals(OverrideB.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void anImportedOverrideBeatsALocalDefaultUnderPreferLocal() {
        localDefault();
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), false), RSA);

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void localOnlyExcludesImportedProvidersAndSaysWhy() {
        localDefault();
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), false), RSA);

        configure("remote.policy", "local-only");

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        NotServingDTO loser = flashAttn().notServing[0];
        assertEquals(NotServingReason.DENIED_BY_POLICY, loser.reason);
        assertEquals("imported from endpoint " + ENDPOINT + " of framework " + UUID
                + "; remote.policy=local-only admits local providers only", loser.detail);
    }

    @Test
    void switchingBackToPreferLocalRevertsToTheLocalProvider() {
        localDefault();
        track(AttentionBackendId.FAMILY, imported(new OverrideA("FLASH_ATTN"), true), RSA);
        configure("remote.policy", "prefer-remote");

        configure("remote.policy", "prefer-local");

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void anUnknownPolicyIsReportedAndPreferLocalApplies() {
        configure("remote.policy", "nearest");

        assertEquals(RemotePolicy.PREFER_LOCAL, core.configuration().remotePolicy());
        assertEquals(List.of("remote.policy: 'nearest' is not prefer-local, prefer-remote or local-only; "
                + "prefer-local applies"), core.configuration().problems());
    }
}
