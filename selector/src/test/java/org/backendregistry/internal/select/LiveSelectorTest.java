package org.backendregistry.internal.select;

import static org.backendregistry.internal.select.FakeProviders.cuda;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.api.KernelBlockSize;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.backendregistry.attention.select.InvalidBackendChoiceException;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;
import org.junit.jupiter.api.Test;

class LiveSelectorTest {

    private static final Device HOPPER = Device.of(Platform.CUDA, ComputeCapability.of(9, 0));
    private static final AttentionSelectorConfig BF16_128 = AttentionSelectorConfig.builder(128, "bfloat16").build();

    private final FakeProviders providers = new FakeProviders();
    private final List<String> log = new ArrayList<>();
    private final LiveSelector selector = new LiveSelector(providers, providers.generation::get,
            new SelectionLog((level, line) -> log.add(level + " " + line)));

    private void device(Device device) {
        selector.settings(new LiveSelector.Settings(device, null, PriorityLists.vllm()));
    }

    private static List<String> described(Selection selection) {
        return selection.candidates().stream().map(Candidate::toString).toList();
    }

    @Test
    void aSelectionLeasesTheChosenNameOnItsProviderUntilTheLeaseIsClosed() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().headSizes(64, 256).build()).serve("TRITON_ATTN", cuda().build());
        Selection selection = selector.select(BF16_128);

        try (BackendLease<AttentionBackend> lease = selection.lease()) {
            assertEquals("TRITON_ATTN", selection.name());
            assertSame(selection.provider(), lease.provider());
            assertSame(selection.backend(), lease.backend());
            assertEquals(1, providers.openLeases);
        }
        assertEquals(0, providers.openLeases);
    }

    @Test
    void aLeaseFromAnOlderSelectionIsTakenOnTheProviderThatServesTheNameNow() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().build());
        Selection selection = selector.select(BF16_128);
        providers.serve("FLASH_ATTN", cuda().build());

        try (BackendLease<AttentionBackend> lease = selection.lease()) {
            assertEquals(providers.serving.get("FLASH_ATTN").provider(), lease.provider());
            assertNotEquals(selection.provider(), lease.provider());
        }
        providers.withdraw("FLASH_ATTN");
        assertThrows(IllegalStateException.class, selection::lease);
    }

    @Test
    void aSelectionMadeOutsideASelectorRefusesToLeaseAndSaysWhatToUse() {
        providers.serve("CPU_ATTN", BackendCapabilities.builder(Platform.CPU).build());
        Selection selection = selector.select(BF16_128);
        Selection copy = new Selection(selection.config(), selection.device(), selection.name(), selection.provider(),
                selection.backend(), selection.candidates(), selection.explicit());

        assertEquals(selection, copy);
        IllegalStateException refused = assertThrows(IllegalStateException.class, copy::lease);
        assertEquals("This selection of CPU_ATTN was not made by a BackendSelector and cannot lease;"
                + " use BackendRegistry.lease instead", refused.getMessage());
    }

    @Test
    void onCpuTheOnlyCandidateIsCpuAttn() {
        providers.serve("CPU_ATTN", BackendCapabilities.builder(Platform.CPU).dtypes("float32", "bfloat16").build());

        Selection selection = selector.select(BF16_128);

        assertEquals("CPU_ATTN", selection.name());
        assertEquals(List.of("CPU_ATTN: chosen"), described(selection));
        assertEquals(List.of("INFO Using CPU_ATTN attention backend out of potential backends: ['CPU_ATTN']."), log);
    }

    @Test
    void cudaTriesFlashAttnFirstAndSaysWhyEachOtherWasNotChosen() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().headSizes(64, 256).build())
                .serve("FLASHINFER", cuda().build())
                .serve("TRITON_ATTN", cuda().build());

        Selection selection = selector.select(BF16_128);

        assertEquals("FLASHINFER", selection.name());
        assertEquals(List.of("FLASH_ATTN: [head_size not supported]", "FLASHINFER: chosen", "TRITON_ATTN: valid",
                "FLEX_ATTENTION: [no provider]"), described(selection));
        assertEquals(List.of("INFO Using FLASHINFER attention backend out of potential backends: "
                + "['FLASHINFER', 'TRITON_ATTN']."), log);
    }

    @Test
    void onComputeCapability10FlashInferComesFirstAndMlaHasItsOwnLists() {
        device(Device.of(Platform.CUDA, ComputeCapability.of(10, 0)));
        assertEquals(List.of("FLASHINFER", "FLASH_ATTN", "TRITON_ATTN", "FLEX_ATTENTION"), selector.priorities(false));
        assertEquals(List.of("FLASHINFER_MLA", "CUTLASS_MLA", "FLASH_ATTN_MLA", "FLASHMLA", "TRITON_MLA",
                "FLASHMLA_SPARSE"), selector.priorities(true));
        device(HOPPER);
        assertEquals(List.of("FLASH_ATTN", "FLASHINFER", "TRITON_ATTN", "FLEX_ATTENTION"), selector.priorities(false));
        assertEquals(List.of("FLASH_ATTN_MLA", "FLASHMLA", "FLASHINFER_MLA", "TRITON_MLA", "FLASHMLA_SPARSE"),
                selector.priorities(true));
        device(Device.of(Platform.ROCM, null));
        assertEquals(List.of("ROCM_ATTN", "ROCM_AITER_FA", "ROCM_AITER_UNIFIED_ATTN", "TRITON_ATTN"),
                selector.priorities(false));
        device(Device.of(Platform.TPU, null));
        assertEquals(List.of("PALLAS"), selector.priorities(false));
        device(Device.of(Platform.XPU, null));
        assertEquals(List.of("IPEX"), selector.priorities(false));
    }

    @Test
    void whenNothingFitsTheMessageIsVllms() {
        device(HOPPER);
        providers.serve("FLASH_ATTN_MLA", cuda().mla(true).headSizes(576).build())
                .serve("FLASHMLA", cuda().mla(true).computeCapabilities(ComputeCapability.of(10, 0), ComputeCapability.of(10, 9)).sparse(false).build());
        providers.notServed.put("TRITON_MLA", "pinned away");
        AttentionSelectorConfig config = AttentionSelectorConfig.builder(192, "bfloat16").useMla(true).useSparse(true).build();

        NoValidBackendException failure = assertThrows(NoValidBackendException.class, () -> selector.select(config));

        assertEquals("No valid attention backend found for cuda with AttentionSelectorConfig(head_size=192, "
                + "dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=None, use_mla=True, has_sink=False, "
                + "use_sparse=True, use_mm_prefix=False, use_per_head_quant_scales=False, "
                + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
                + "use_kv_connector=False). Reasons: {FLASH_ATTN_MLA: [head_size not supported, sparse not supported], "
                + "FLASHMLA: [sparse not supported, compute capability not supported], FLASHINFER_MLA: [no provider], "
                + "TRITON_MLA: [pinned away], FLASHMLA_SPARSE: [no provider]}.", failure.getMessage());
    }

    @Test
    void anExplicitChoiceThatDoesNotFitFailsAndNeverFallsBack() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().headSizes(64).build()).serve("TRITON_ATTN", cuda().build());

        InvalidBackendChoiceException failure = assertThrows(InvalidBackendChoiceException.class,
                () -> selector.select(BF16_128.toBuilder().hasSink(true).build(), "FLASH_ATTN"));

        assertEquals("Selected backend FLASH_ATTN is not valid for this configuration. Reason: "
                + "['head_size not supported', 'attention sinks not supported']", failure.getMessage());
        assertEquals("TRITON_ATTN", selector.select(BF16_128, "TRITON_ATTN").name());
        assertEquals(List.of("INFO Using AttentionBackendEnum.TRITON_ATTN backend."), log);
        assertEquals("Selected backend FLEX_ATTENTION is not valid for this configuration. Reason: ['no provider']",
                assertThrows(InvalidBackendChoiceException.class, () -> selector.select(BF16_128, "FLEX_ATTENTION"))
                        .getMessage());
    }

    @Test
    void theConfiguredExplicitBackendIsUsedAndAutoMeansAutomatic() {
        providers.serve("CPU_ATTN", BackendCapabilities.builder(Platform.CPU).build())
                .serve("TORCH_SDPA", BackendCapabilities.builder(Platform.CPU).build());
        selector.settings(SettingsReader.read(Map.of("attention.backend", "TORCH_SDPA"), null, problem -> { }));

        assertEquals("TORCH_SDPA", selector.select(BF16_128).name());
        assertEquals("CPU_ATTN", selector.select(BF16_128, "auto").name());
    }

    @Test
    void pluginNamesWhoseProviderDeclaresTheDeviceFollowTheList() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().headSizes(64).build())
                .serve("VENDOR_ATTN", cuda().build())
                .serve("JVM_ONLY_ATTN", BackendCapabilities.builder(Platform.CPU).build());

        Selection selection = selector.select(BF16_128);

        assertEquals("VENDOR_ATTN", selection.name());
        assertEquals("VENDOR_ATTN: chosen", described(selection).get(4));
        assertEquals(5, selection.candidates().size());
    }

    @Test
    void aRepeatedSelectIsAnsweredFromTheCacheUntilTheRegistryChanges() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().headSizes(64).build()).serve("TRITON_ATTN", cuda().build());
        Selection first = selector.select(BF16_128);
        int lookups = providers.lookups;

        assertSame(first, selector.select(AttentionSelectorConfig.builder(128, "torch.bfloat16").build()));
        assertEquals(lookups, providers.lookups);

        providers.serve("FLASH_ATTN", cuda().build());
        assertEquals("FLASH_ATTN", selector.select(BF16_128).name());
    }

    @Test
    void aBlockSizeThatKeptOutAHigherPriorityBackendIsWarnedAboutInVllmsWordsBeforeTheChoice() {
        device(HOPPER);
        providers.serve("FLASH_ATTN", cuda().kernelBlockSizes(KernelBlockSize.exactly(64)).build())
                .serve("FLASHINFER", cuda().build());

        selector.select(BF16_128.toBuilder().blockSize(16).build());
        selector.select(BF16_128.toBuilder().blockSize(16).build());

        assertEquals(List.of("WARNING --block-size 16 precluded higher-priority backend(s) FLASH_ATTN. Using FLASHINFER "
                + "instead, which may result in reduced performance. Consider removing --block-size to auto-select the "
                + "optimal block size.",
                "INFO Using FLASHINFER attention backend out of potential backends: ['FLASHINFER']."), log);
    }

    @Test
    void onRocmTheChoiceIsLoggedInTheWordsOfVllmsRocmPlatform() {
        device(Device.of(Platform.ROCM, null));
        BackendCapabilities rocm = BackendCapabilities.builder(Platform.ROCM).build();
        providers.serve("ROCM_ATTN", rocm).serve("ROCM_AITER_FA", rocm).serve("ROCM_AITER_UNIFIED_ATTN", rocm)
                .serve("TRITON_ATTN", rocm);

        selector.select(BF16_128);
        selector.select(BF16_128, "TRITON_ATTN");
        providers.serve("ROCM_ATTN", BackendCapabilities.builder(Platform.ROCM).headSizes(64).build());
        selector.select(BF16_128);
        // rocm.py has no block-size warning: a block size that rejects ROCM_ATTN only makes it incompatible
        providers.serve("ROCM_ATTN", BackendCapabilities.builder(Platform.ROCM)
                .kernelBlockSizes(KernelBlockSize.exactly(64)).build());
        selector.select(BF16_128.toBuilder().blockSize(16).build());

        assertEquals(List.of("INFO Using ROCM_ATTN backend out of potential backends: ['ROCM_ATTN', 'ROCM_AITER_FA', "
                + "'ROCM_AITER_UNIFIED_ATTN', 'TRITON_ATTN'].",
                "INFO Using TRITON_ATTN backend (selected via --attention-backend).",
                "INFO Found incompatible backend(s) [ROCM_ATTN] with AttentionType.DECODER. Overriding with "
                        + "ROCM_AITER_FA out of potential backends: ['ROCM_AITER_FA', 'ROCM_AITER_UNIFIED_ATTN', "
                        + "'TRITON_ATTN'].",
                "INFO Found incompatible backend(s) [ROCM_ATTN] with AttentionType.DECODER. Overriding with "
                        + "ROCM_AITER_FA out of potential backends: ['ROCM_AITER_FA', 'ROCM_AITER_UNIFIED_ATTN', "
                        + "'TRITON_ATTN']."), log);
    }

    @Test
    void configuredPriorityListsReplaceVllmsPerPlatformAndInvalidNamesAreReported() {
        List<String> problems = new ArrayList<>();
        selector.settings(SettingsReader.read(Map.of("device.platform", "cuda", "device.compute.capability", "10.0",
                "priorities.cuda.10", "TRITON_ATTN, flash", "priorities.cpu", new String[] {"TORCH_SDPA", "CPU_ATTN"}),
                null, problems::add));

        assertEquals(Device.of(Platform.CUDA, ComputeCapability.of(10, 0)), selector.settings().device());
        assertEquals(List.of("TRITON_ATTN"), selector.priorities(false));
        assertEquals(List.of("priorities.cuda.10: 'flash' is not a backend name (names match [A-Z][A-Z0-9_]*); it is left out"),
                problems);
        device(Device.CPU);
        assertEquals(List.of("CPU_ATTN"), selector.priorities(false));
    }

    @Test
    void theDeviceComesFromConfigurationThenFromADescriptionThenIsCpu() {
        Device described = Device.of(Platform.ROCM, ComputeCapability.of(9, 4));
        List<String> problems = new ArrayList<>();

        assertEquals(Device.CPU, SettingsReader.read(Map.of(), null, problems::add).device());
        assertEquals(described, SettingsReader.read(Map.of(), described, problems::add).device());
        assertEquals(Device.of(Platform.TPU, null),
                SettingsReader.read(Map.of("device.platform", "TPU"), described, problems::add).device());
        assertEquals(described, SettingsReader.read(Map.of("device.platform", "gpu"), described, problems::add).device());
        assertEquals(List.of("device.platform: 'gpu' is not a platform; valid platforms are cpu, cuda, rocm, tpu, xpu"),
                problems);
        assertEquals("cuda (compute capability 9.0)", HOPPER.toString());
    }

    @Test
    void theSettingsSayWhereTheDeviceCameFrom() {
        Device described = Device.of(Platform.ROCM, ComputeCapability.of(9, 4));
        List<String> problems = new ArrayList<>();

        assertEquals(DeviceOrigin.DEFAULT, SettingsReader.read(Map.of(), null, problems::add).origin());
        assertEquals(DeviceOrigin.DEVICE_DESCRIPTION, SettingsReader.read(Map.of(), described, problems::add).origin());
        assertEquals(DeviceOrigin.CONFIGURATION,
                SettingsReader.read(Map.of("device.platform", "TPU"), described, problems::add).origin());
        assertEquals(DeviceOrigin.DEVICE_DESCRIPTION,
                SettingsReader.read(Map.of("device.platform", "gpu"), described, problems::add).origin());
        assertEquals(DeviceOrigin.DEFAULT, LiveSelector.Settings.DEFAULT.origin());
    }

    @Test
    void anExplicitBackendThatDoesNotFitTheDefaultRequestIsAProblem() {
        providers.serve("CPU_ATTN", BackendCapabilities.builder(Platform.CPU).headSizes(64).build());
        selector.settings(SettingsReader.read(Map.of("attention.backend", "CPU_ATTN",
                "default.request", "head_size=128, dtype=bfloat16 block_size=16", "priorities.cpu", "cpu attn"),
                null, problem -> { }));

        assertEquals(List.of("priorities.cpu: 'cpu attn' is not a backend name (names match [A-Z][A-Z0-9_]*); it is left out",
                "attention.backend=CPU_ATTN does not fit default.request AttentionSelectorConfig(head_size=128, "
                        + "dtype=torch.bfloat16, kv_cache_dtype=auto, block_size=16, use_mla=False, has_sink=False, "
                        + "use_sparse=False, use_mm_prefix=False, use_per_head_quant_scales=False, "
                        + "attn_type=AttentionType.DECODER, use_non_causal=False, use_batch_invariant=False, "
                        + "use_kv_connector=False): Selected backend CPU_ATTN is not valid for this configuration. "
                        + "Reason: ['head_size not supported']"), selector.problems());

        providers.serve("CPU_ATTN", BackendCapabilities.builder(Platform.CPU).build());
        assertEquals(1, selector.problems().size());
    }
}
