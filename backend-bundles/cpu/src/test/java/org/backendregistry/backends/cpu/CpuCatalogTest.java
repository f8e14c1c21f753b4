package org.backendregistry.backends.cpu;

import org.backendregistry.testsupport.DefaultBackends;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog's CPU entries name classes of this bundle, which serve exactly those names. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CpuCatalogTest {

    static Stream<AttentionBackendId> cpuIds() {
        return DefaultBackends.attentionIdsIn(CpuCatalogTest.class.getPackageName());
    }

    @Test
    void theCatalogPutsExactlyTheseThreeNamesInThisBundle() {
        assertEquals(Set.of("CPU_ATTN", "TORCH_SDPA", "NO_ATTENTION"),
                cpuIds().map(Enum::name).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuIds")
    void theDefaultClassReportsItsCatalogNameAndTheCpuPlatform(AttentionBackendId id) throws Exception {
        AttentionBackend backend = instantiate(id);
        assertEquals(id.name(), backend.name());
        assertEquals(Platform.CPU, backend.capabilities().platform());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuIds")
    void theDefaultClassIsAComponentRegisteredAsTheDefaultOfItsName(AttentionBackendId id)
            throws Exception {
        DefaultBackends.assertDefaultComponent(id, instantiate(id).getClass(), AttentionBackend.class);
    }

    private static AttentionBackend instantiate(AttentionBackendId id) throws ReflectiveOperationException {
        return DefaultBackends.instantiate(id);
    }
}
