package org.backendregistry.attention.select;

import java.util.List;

import org.backendregistry.mamba.MambaBackend;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Chooses the attention backend for a config, as vLLM's {@code get_attn_backend(...)} does, from the
 * providers that serve each name now. The candidates are the device's priority list (vLLM's, per platform,
 * MLA or not and compute capability; changeable per platform in the configuration
 * {@value #PID}), then plugin names whose provider declares the device's platform. Each candidate is
 * checked against the capabilities of the provider that serves its name at that moment — a hot-deployed
 * override's, not the default's — and the first that fits is chosen.
 *
 * <p>Answers are cached per config and dropped whenever the registry changes, so the first {@code select}
 * after a bundle comes or goes sees the new providers. The first answer of each kind is logged as the vLLM
 * platform that would have given it logs it: {@code Using FLASH_ATTN attention backend out of potential
 * backends: ['FLASH_ATTN', 'TRITON_ATTN'].} (cuda, and every other platform but rocm, whose lines are those of
 * vLLM's {@code platforms/rocm.py}); a sparse layer on rocm walks the list {@code rocm.sparse}.
 */
@ProviderType
public interface BackendSelector {

    /** The configuration PID of the selector: device, explicit backend and priority lists. */
    String PID = "org.backendregistry.selector";

    /**
     * Configuration key of the explicit backend: a name, or {@code auto} (the default) for automatic
     * selection; vLLM's {@code --attention-config.backend}.
     */
    String ATTENTION_BACKEND = "attention.backend";

    /** Configuration key of the device's platform ({@code cpu}, {@code cuda}, {@code rocm}, {@code tpu}, {@code xpu}). */
    String DEVICE_PLATFORM = "device.platform";

    /** Configuration key of the device's compute capability, e.g. {@code 9.0}. */
    String DEVICE_COMPUTE_CAPABILITY = "device.compute.capability";

    /**
     * Configuration key of the default request, written as {@link SelectionRequest} reads it, e.g.
     * {@code head_size=128 dtype=bfloat16 block_size=16}: the request the configured explicit backend must
     * fit, or {@link #problems()} names it.
     */
    String DEFAULT_REQUEST = "default.request";

    /**
     * Prefix of the configuration keys that replace a priority list: {@code priorities.cuda},
     * {@code priorities.cuda.mla}, {@code priorities.cuda.10} (compute capability 10.x),
     * {@code priorities.cuda.10.mla}, {@code priorities.cpu}, ... Each value lists names, comma-separated.
     */
    String PRIORITIES = "priorities.";

    /**
     * Selects for {@code config}: the configured explicit backend when {@value #ATTENTION_BACKEND} names
     * one, otherwise the first candidate of the priority list that fits.
     *
     * @throws NoValidBackendException        when no candidate fits, with every candidate's reasons
     * @throws InvalidBackendChoiceException  when the configured explicit backend does not fit
     * @throws IllegalArgumentException       when the configured explicit backend is not a known name
     */
    Selection select(AttentionSelectorConfig config);

    /**
     * Selects {@code backendName} for {@code config}, never another: vLLM's {@code selected_backend}.
     *
     * @param backendName a backend name, or {@code auto} for {@link #select(AttentionSelectorConfig)}
     * @throws InvalidBackendChoiceException when the name's provider cannot serve the config, or none serves it
     * @throws IllegalArgumentException      when the name is unknown, with the registry's message
     */
    Selection select(AttentionSelectorConfig config, String backendName);

    /**
     * Selects the mamba backend for a model's mamba type, vLLM's {@code get_mamba_attn_backend(mamba_type)}
     * through {@code MAMBA_TYPE_TO_BACKEND_MAP}: the object that serves the mapped name now, so an override
     * of {@code MAMBA2} serves {@code mamba2}. Never cached.
     *
     * @param mambaType e.g. {@code mamba2}, {@code linear_attention}
     * @throws IllegalArgumentException {@code Unknown mamba type: 'x'. Valid mamba types are: mamba1, ...}
     * @throws IllegalStateException    when nothing serves the mapped name (CUSTOM before registration)
     */
    MambaBackend mamba(String mambaType);

    /**
     * @return what is wrong with the selector's configuration now, in words: values that were left out,
     *         and a configured explicit backend that does not fit the configured default request (with
     *         vLLM's message); empty when nothing is
     */
    List<String> problems();

    /** @return the device selected for */
    Device device();

    /**
     * @return where {@link #device()} came from: the configuration, a {@link DeviceDescription} service, or
     *         the default (cpu)
     * @since 1.1
     */
    DeviceOrigin deviceOrigin();

    /** @return the priority list for the device, MLA ({@code true}) or not, before plugin names are added */
    List<String> priorities(boolean mla);

    /**
     * Tells {@code listener}, in order, whenever the answer for {@code config} changes (another name or
     * provider is chosen, selection starts or stops failing). Nothing is told at subscription.
     *
     * @return the subscription; close it to stop
     */
    SelectionSubscription subscribe(AttentionSelectorConfig config, SelectionListener listener);
}
