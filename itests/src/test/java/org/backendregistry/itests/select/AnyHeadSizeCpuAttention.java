package org.backendregistry.itests.select;

import java.util.Dictionary;
import java.util.Hashtable;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A CPU_ATTN override with wider capabilities than the default's: any head size. Its bundle registers it
 * on start; stopping the bundle withdraws it.
 */
public class AnyHeadSizeCpuAttention implements AttentionBackend, BundleActivator {

    private static final BackendCapabilities CAPABILITIES = BackendCapabilities.builder(Platform.CPU)
            .dtypes("float16", "bfloat16", "float32")
            .build();

    @Override
    public String name() {
        return "CPU_ATTN";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public float[] compute(AttentionInput input) {
        return ReferenceAttention.compute(input);
    }

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(BackendConstants.BACKEND_NAME, "CPU_ATTN");
        context.registerService(AttentionBackend.class, new AnyHeadSizeCpuAttention(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
