package org.backendregistry.backends.mamba;

import org.backendregistry.testsupport.DefaultBackends;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backendregistry.api.Platform;
import org.backendregistry.mamba.MambaBackend;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mamba catalog name but CUSTOM has its default class in this bundle, serving that name. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MambaCatalogTest {

    static Stream<MambaBackendId> defaults() {
        return Stream.of(MambaBackendId.values()).filter(id -> id.defaultClassName().isPresent());
    }

    @Test
    void everyNameButCustomHasADefaultClassInThisBundle() {
        assertEquals(Set.of("MAMBA1", "MAMBA2", "SHORT_CONV", "LINEAR", "GDN_ATTN"),
                defaults().map(Enum::name).collect(Collectors.toSet()));
        defaults().forEach(id -> assertEquals(MambaCatalogTest.class.getPackageName(),
                id.defaultClassName().orElseThrow().replaceFirst("\\.[^.]+$", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void theDefaultClassReportsItsCatalogNameAndTheCudaPlatform(MambaBackendId id) throws Exception {
        MambaBackend backend = instantiate(id);
        assertEquals(id.name(), backend.name());
        assertEquals(Platform.CUDA, backend.capabilities().platform());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void theDefaultClassIsAComponentRegisteredAsTheDefaultOfItsName(MambaBackendId id)
            throws Exception {
        DefaultBackends.assertDefaultComponent(id, instantiate(id).getClass(), MambaBackend.class);
    }

    private static MambaBackend instantiate(MambaBackendId id) throws ReflectiveOperationException {
        return DefaultBackends.instantiate(id);
    }
}
