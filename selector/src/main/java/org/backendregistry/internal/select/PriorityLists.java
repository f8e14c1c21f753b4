package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;

/**
 * The platforms' priority lists: vLLM's ({@code _get_backend_priorities} in {@code platforms/cuda.py},
 * per MLA and compute capability 10.x, and in {@code platforms/rocm.py}, per sparse and MLA; one list per other
 * platform), each replaceable through the selector's configuration. A list is looked up by
 * {@code <platform>.<major>[.mla]}, then {@code <platform>[.mla]}; a sparse layer first looks for
 * {@code <platform>.<major>.sparse} and {@code <platform>.sparse}, as vLLM's ROCm platform asks {@code use_sparse}
 * before {@code use_mla}. A device without a list has no candidates.
 */
final class PriorityLists {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** vLLM's lists, keyed as the configuration keys are without their {@code priorities.} prefix. */
    static final Map<String, List<String>> VLLM = Map.ofEntries(
            Map.entry("cpu", List.of("CPU_ATTN")),
            Map.entry("cpu.mla", List.of("CPU_ATTN")),
            Map.entry("cuda", List.of("FLASH_ATTN", "FLASHINFER", "TRITON_ATTN", "FLEX_ATTENTION")),
            Map.entry("cuda.10", List.of("FLASHINFER", "FLASH_ATTN", "TRITON_ATTN", "FLEX_ATTENTION")),
            Map.entry("cuda.mla", List.of("FLASH_ATTN_MLA", "FLASHMLA", "FLASHINFER_MLA", "TRITON_MLA",
                    "FLASHMLA_SPARSE")),
            Map.entry("cuda.10.mla", List.of("FLASHINFER_MLA", "CUTLASS_MLA", "FLASH_ATTN_MLA", "FLASHMLA",
                    "TRITON_MLA", "FLASHMLA_SPARSE")),
            // platforms/rocm.py at commit 001eda31e3d0 with every AITER switch on and the aiter package found;
            // the switches only drop entries, and here each candidate's capabilities decide instead
            Map.entry("rocm", List.of("ROCM_ATTN", "ROCM_AITER_FA", "ROCM_AITER_UNIFIED_ATTN", "TRITON_ATTN")),
            Map.entry("rocm.mla", List.of("ROCM_AITER_MLA", "TRITON_MLA", "ROCM_AITER_TRITON_MLA")),
            Map.entry("rocm.sparse", List.of("ROCM_AITER_MLA_SPARSE")),
            Map.entry("tpu", List.of("PALLAS")),
            Map.entry("xpu", List.of("IPEX")));

    private final Map<String, List<String>> lists;

    private PriorityLists(Map<String, List<String>> lists) {
        this.lists = Map.copyOf(lists);
    }

    /** @return vLLM's lists, unchanged */
    static PriorityLists vllm() {
        return new PriorityLists(VLLM);
    }

    /**
     * @param properties the selector's configuration; {@code priorities.*} keys replace lists
     * @param problems   told, in words, about each value that is ignored
     * @return vLLM's lists with the configured ones in their place
     */
    static PriorityLists configured(Map<String, ?> properties, Consumer<String> problems) {
        Map<String, List<String>> lists = new HashMap<>(VLLM);
        properties.forEach((key, value) -> {
            if (!key.startsWith(BackendSelector.PRIORITIES)) {
                return;
            }
            List<String> names = new ArrayList<>();
            for (String name : names(value)) {
                if (NAME.matcher(name).matches()) {
                    names.add(name);
                } else {
                    problems.accept(key + ": '" + name + "' is not a backend name (names match [A-Z][A-Z0-9_]*); it is left out");
                }
            }
            lists.put(key.substring(BackendSelector.PRIORITIES.length()).toLowerCase(Locale.ROOT), List.copyOf(names));
        });
        return new PriorityLists(lists);
    }

    private static List<String> names(Object value) {
        if (value instanceof String[] array) {
            return Arrays.stream(array).flatMap(s -> Arrays.stream(s.split(","))).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof Collection<?> collection) {
            return names(collection.stream().map(String::valueOf).toArray(String[]::new));
        }
        return names(new String[] {String.valueOf(value)});
    }

    /** @return the list for the device, MLA or not; empty when the device's platform has none */
    List<String> forDevice(Device device, boolean mla) {
        return forDevice(device, mla, false);
    }

    /** @return the list for the device and layer: the sparse list if the platform has one, else as above */
    List<String> forDevice(Device device, boolean mla, boolean sparse) {
        List<String> sparseList = sparse ? find(device, ".sparse") : null;
        if (sparseList != null) {
            return sparseList;
        }
        List<String> list = find(device, mla ? ".mla" : "");
        return list != null ? list : List.of();
    }

    private List<String> find(Device device, String suffix) {
        String platform = device.platform().label();
        List<String> byMajor = device.computeCapability()
                .map(capability -> lists.get(platform + "." + capability.major() + suffix)).orElse(null);
        return byMajor != null ? byMajor : lists.get(platform + suffix);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PriorityLists that && lists.equals(that.lists);
    }

    @Override
    public int hashCode() {
        return lists.hashCode();
    }
}
