package org.backendregistry.mamba;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.internal.names.CatalogNames;

/**
 * The catalog of mamba backend names, each with the class of its default implementation, and the map
 * from a model's mamba type ({@code "mamba2"}) to its name. {@link #CUSTOM} must be registered before use.
 */
public enum MambaBackendId implements BackendId<MambaBackend> {
    MAMBA1("mamba1", "Mamba1AttentionBackend"),
    MAMBA2("mamba2", "Mamba2AttentionBackend"),
    SHORT_CONV("short_conv", "ShortConvAttentionBackend"),
    LINEAR("linear_attention", "LinearAttentionBackend"),
    GDN_ATTN("gdn_attention", "GDNAttentionBackend"),
    /** Placeholder for third-party backends: must be registered before use. */
    CUSTOM("custom", null);

    /** The mamba family: its catalog and service type. */
    public static final BackendFamily<MambaBackend> FAMILY = BackendFamily.define(MambaBackendId.class,
            MambaBackend.class, Map.of());

    private static final Map<String, MambaBackendId> BY_MAMBA_TYPE = byMambaType();

    private final String mambaType;
    private final String defaultClassName;

    MambaBackendId(String mambaType, String defaultSimpleClassName) {
        this.mambaType = mambaType;
        this.defaultClassName = defaultSimpleClassName == null ? null
                : "org.backendregistry.backends.mamba." + defaultSimpleClassName;
    }

    /**
     * The seed's {@code MambaAttentionBackendEnum["X"]}.
     *
     * @throws IllegalArgumentException {@code Unknown mamba attention backend: 'X'. Valid options are: ...}
     */
    public static MambaBackendId of(String name) {
        return (MambaBackendId) CatalogNames.of(FAMILY, name);
    }

    /**
     * The seed's {@code MAMBA_TYPE_TO_BACKEND_MAP[type]}.
     *
     * @throws IllegalArgumentException naming the unknown type and listing the valid ones
     */
    public static MambaBackendId forMambaType(String mambaType) {
        MambaBackendId id = BY_MAMBA_TYPE.get(mambaType);
        if (id == null) {
            throw new IllegalArgumentException("Unknown mamba type: '" + mambaType + "'. Valid mamba types are: "
                    + String.join(", ", BY_MAMBA_TYPE.keySet()));
        }
        return id;
    }

    /** @return the seed's {@code MAMBA_TYPE_TO_BACKEND_MAP}: mamba type to backend name, in catalog order */
    public static Map<String, MambaBackendId> mambaTypes() {
        return BY_MAMBA_TYPE;
    }

    /** @return the model mamba type this name serves, e.g. {@code "linear_attention"} for {@link #LINEAR} */
    public String mambaType() {
        return mambaType;
    }

    @Override
    public BackendFamily<MambaBackend> family() {
        return FAMILY;
    }

    @Override
    public Optional<String> defaultClassName() {
        return Optional.ofNullable(defaultClassName);
    }

    @Override
    public boolean isCatalog() {
        return true;
    }

    private static Map<String, MambaBackendId> byMambaType() {
        Map<String, MambaBackendId> map = new LinkedHashMap<>();
        for (MambaBackendId id : values()) {
            map.put(id.mambaType, id);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
