package org.backendregistry.backends.tpu;

import org.backendregistry.testsupport.DefaultBackends;
import org.backendregistry.testsupport.ComponentDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;

import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PALLAS and IPEX are served by this bundle's classes, which need a TPU and an Intel GPU respectively. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TpuXpuCatalogTest {

    static Stream<Arguments> bundleIds() {
        return Stream.of(Arguments.of(AttentionBackendId.PALLAS, Platform.TPU),
                Arguments.of(AttentionBackendId.IPEX, Platform.XPU));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("bundleIds")
    void theDefaultClassReportsItsCatalogNameAndPlatform(AttentionBackendId id, Platform platform)
            throws Exception {
        AttentionBackend backend = instantiate(id);
        assertEquals(id.name(), backend.name());
        assertEquals(platform, backend.capabilities().platform());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("bundleIds")
    void theDefaultClassIsAComponentRegisteredAsTheDefaultOfItsName(AttentionBackendId id,
            Platform platform) throws Exception {
        ComponentDescription component = ComponentDescription.of(instantiate(id).getClass()).orElseThrow();
        assertEquals(AttentionBackend.class.getName(), component.provides());
        assertEquals(id.name(), component.value("backend.name").orElseThrow());
        assertEquals("true", component.value("backend.default").orElseThrow());
        assertEquals("Boolean", component.type("backend.default").orElseThrow());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("bundleIds")
    void computeRefusesWithAMessageThatNamesTheDevice(AttentionBackendId id, Platform platform)
            throws Exception {
        AttentionInput input = AttentionInput.of(new float[64], new float[64], new float[64], 1, 1, 1, 64, false);

        UnsupportedOperationException refusal = assertThrows(UnsupportedOperationException.class,
                () -> instantiate(id).compute(input));

        assertTrue(refusal.getMessage().startsWith(id.name() + " needs a " + platform.label() + " device"),
                refusal.getMessage());
    }

    @Test
    void pallasTakesAnyHeadSizeAndFp8CachesAndIpexOnlyTheAutoCache() throws Exception {
        var pallas = instantiate(AttentionBackendId.PALLAS).capabilities();
        assertEquals(Set.of("float16", "bfloat16"), pallas.dtypes());
        assertEquals(Set.of("auto", "fp8", "fp8_e4m3", "fp8_e5m2"), pallas.kvCacheDtypes());
        assertTrue(pallas.supportsHeadSize(72));
        var ipex = instantiate(AttentionBackendId.IPEX).capabilities();
        assertEquals(Set.of("auto"), ipex.kvCacheDtypes());
        assertTrue(ipex.supportsHeadSize(72));
    }

    private static AttentionBackend instantiate(AttentionBackendId id) throws ReflectiveOperationException {
        return DefaultBackends.instantiate(id);
    }
}
