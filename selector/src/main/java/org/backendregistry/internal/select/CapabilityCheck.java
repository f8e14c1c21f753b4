package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.List;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.CombinationRule;
import org.backendregistry.api.ComputeCapability;
import org.backendregistry.attention.select.AttentionSelectorConfig;

/**
 * vLLM's {@code AttentionBackend.validate_configuration}: why a backend with these capabilities cannot
 * serve a config on a device, in vLLM's words and order. An empty list means it can. As in vLLM, the
 * backend's {@code supports_combination} comes last and adds at most one reason: its first matching rule.
 */
final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /**
     * @param capabilities what the backend declares
     * @param config       what the layer needs
     * @param device       the device's compute capability, {@code null} when it has none (cpu)
     * @return the reasons, e.g. {@code [head_size not supported, sparse not supported]}
     */
    static List<String> reasons(BackendCapabilities capabilities, AttentionSelectorConfig config,
            ComputeCapability device) {
        List<String> reasons = new ArrayList<>();
        if (!capabilities.supportsHeadSize(config.headSize())) {
            reasons.add("head_size not supported");
        }
        if (!capabilities.supportsDtype(config.dtype())) {
            reasons.add("dtype not supported");
        }
        if (!capabilities.supportsKvCacheDtype(config.kvCacheDtype())) {
            reasons.add("kv_cache_dtype not supported");
        }
        if (!capabilities.supportsBlockSize(config.blockSize())) {
            reasons.add("block_size not supported");
        }
        if (config.useMmPrefix() && !capabilities.supportsMmPrefix()) {
            reasons.add("partial multimodal token full attention not supported");
        }
        if (config.useMla() != capabilities.isMla()) {
            reasons.add(config.useMla() ? "MLA not supported" : "non-MLA not supported");
        }
        if (config.hasSink() && !capabilities.supportsSink()) {
            reasons.add("attention sinks not supported");
        }
        if (config.useSparse() != capabilities.isSparse()) {
            reasons.add(config.useSparse() ? "sparse not supported" : "non-sparse not supported");
        }
        if (config.usePerHeadQuantScales() && !capabilities.supportsPerHeadQuantScales()) {
            reasons.add("per-head quant scales not supported");
        }
        if (!capabilities.supportsComputeCapability(device)) {
            reasons.add("compute capability not supported");
        }
        if (!capabilities.supportsAttentionType(config.attnType())) {
            reasons.add("attention type " + config.attnType() + " not supported");
        }
        if (config.useNonCausal() && !capabilities.supportsNonCausal()) {
            reasons.add("non-causal attention not supported");
        }
        if (config.useBatchInvariant() && !capabilities.supportsBatchInvariance()) {
            reasons.add("batch invariance not supported");
        }
        if (config.useKvConnector() && !capabilities.supportsKvConnector()) {
            reasons.add("KV connector not supported");
        }
        for (CombinationRule rule : capabilities.combinationRules()) {
            if (rule.matches(config.headSize(), config.kvCacheDtype(), config.hasSink(), config.useSparse(), device)) {
                reasons.add(rule.reason());
                break;
            }
        }
        return reasons;
    }
}
