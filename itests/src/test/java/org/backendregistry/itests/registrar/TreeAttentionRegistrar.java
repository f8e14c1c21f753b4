package org.backendregistry.itests.registrar;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The activator of a throw-away bundle: registers TREE_ATTN by class name through its own bundle's
 * registry, and on stop deliberately leaves the registration open, so that only the registry's
 * bundle tracking can withdraw it.
 */
public class TreeAttentionRegistrar implements BundleActivator {

    /** The class the registrar registers; it lives in the throw-away bundle only. */
    public static final String BACKEND_CLASS = "org.backendregistry.itests.registrar.JvmTreeAttentionBackend";

    @Override
    public void start(BundleContext context) {
        ServiceReference<BackendRegistry> reference = context.getServiceReference(BackendRegistry.class);
        if (reference == null) {
            throw new IllegalStateException("no BackendRegistry service to register TREE_ATTN with");
        }
        context.getService(reference).register(AttentionBackendId.TREE_ATTN, BACKEND_CLASS);
    }

    @Override
    public void stop(BundleContext context) {
        // the registration is left open on purpose: stopping the bundle must withdraw it
    }
}
