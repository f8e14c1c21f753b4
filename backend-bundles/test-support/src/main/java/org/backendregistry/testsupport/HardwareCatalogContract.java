package org.backendregistry.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * What a bundle of default attention backends for one accelerator must hold: the catalog names its
 * classes, each class serves its name as a default component, declares the platform, MLA and sparse
 * flags truthfully, and refuses to compute with a message naming the device.
 */
public abstract class HardwareCatalogContract {

    /** @return the platform every backend of the bundle needs */
    protected abstract Platform platform();

    /** @return the catalog names whose default classes this bundle holds */
    protected abstract Set<String> names();

    /** @return those of {@link #names()} that are MLA backends (head size 576 only) */
    protected abstract Set<String> mlaNames();

    /** @return those of {@link #names()} that are sparse */
    protected abstract Set<String> sparseNames();

    private Stream<AttentionBackendId> ids() {
        return DefaultBackends.attentionIdsIn(getClass().getPackageName());
    }

    @Test
    public void theCatalogPutsExactlyTheseNamesInThisBundle() {
        assertEquals(names(), ids().map(Enum::name).collect(Collectors.toSet()));
    }

    @TestFactory
    public Stream<DynamicTest> eachDefaultClassReportsItsNameAndPlatform() {
        return forEachId(backend -> () -> {
            assertEquals(platform(), backend.capabilities().platform());
        }, "reports its platform");
    }

    @TestFactory
    public Stream<DynamicTest> eachDefaultClassIsADefaultComponentOfItsName() {
        return ids().map(id -> dynamicTest(id.name(), () -> {
            AttentionBackend backend = DefaultBackends.instantiate(id);
            assertEquals(id.name(), backend.name());
            DefaultBackends.assertDefaultComponent(id, backend.getClass(), AttentionBackend.class);
        }));
    }

    @TestFactory
    public Stream<DynamicTest> computeRefusesWithAMessageThatNamesTheDevice() {
        AttentionInput input = AttentionInput.of(new float[64], new float[64], new float[64], 1, 1, 1, 64, true);
        return forEachId(backend -> () -> {
            UnsupportedOperationException refusal = assertThrows(UnsupportedOperationException.class,
                    () -> backend.compute(input));
            assertTrue(refusal.getMessage().startsWith(backend.name() + " needs a " + platform().label() + " device"),
                    refusal.getMessage());
        }, "refuses to compute");
    }

    @TestFactory
    public Stream<DynamicTest> onlyMlaAndSparseBackendsSaySoAndMlaBackendsTakeDeepSeeksHeadSize576() {
        // vLLM's CUDA MLA classes list 576 alone; its AITER MLA classes take any head size (an empty list)
        return forEachId(backend -> () -> {
            BackendCapabilities capabilities = backend.capabilities();
            assertEquals(mlaNames().contains(backend.name()), capabilities.isMla());
            assertEquals(sparseNames().contains(backend.name()), capabilities.isSparse());
            if (capabilities.isMla()) {
                assertTrue(capabilities.supportsHeadSize(576), capabilities.toString());
            }
        }, "declares MLA and sparse truthfully");
    }

    @TestFactory
    public Stream<DynamicTest> everyBackendDeclaresItsModelDtypesAndTheAutoKvCache() {
        return forEachId(backend -> () -> {
            assertTrue(backend.capabilities().dtypes().contains("bfloat16"), backend.capabilities().toString());
            assertTrue(backend.capabilities().kvCacheDtypes().contains("auto"), backend.capabilities().toString());
        }, "declares dtypes");
    }

    private Stream<DynamicTest> forEachId(Function<AttentionBackend, Executable> check, String what) {
        return ids().map(id -> dynamicTest(id.name() + " " + what, () -> {
            check.apply(DefaultBackends.instantiate(id)).execute();
        }));
    }
}
