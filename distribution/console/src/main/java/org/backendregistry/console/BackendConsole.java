package org.backendregistry.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Prints who serves every backend name when it starts, then one line per change of provider. */
@Component(immediate = true, service = BackendListener.class)
public final class BackendConsole implements BackendListener {

    private static final String NO_PROVIDER = "(no provider)";

    private final BundleContext context;
    private final BackendRegistry registry;
    /** Endpoints of imported providers seen serving, for the "was" of a change whose service is already gone. */
    private final Map<Long, String> endpoints = new ConcurrentHashMap<>();

    @Activate
    public BackendConsole(BundleContext context, @Reference(name = "registry") BackendRegistry registry) {
        this.context = context;
        this.registry = registry;
        // one print call, so the table is not interleaved with lines other threads write meanwhile
        System.out.print(table(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    @Override
    public void backendChanged(BackendChange change) {
        System.out.println(ChangeLine.of(change, this::where));
        // forget the endpoints of imports that are gone, whether they were serving when they went or not
        endpoints.keySet().removeIf(id -> service(id).isEmpty());
    }

    /** @return where an imported provider runs, from its service's properties while it is registered */
    private Optional<String> where(BackendProvider provider) {
        if (provider.origin() != BackendProvider.Origin.SERVICE) {
            return Optional.empty();
        }
        Optional<ServiceReference<?>> service = service(provider.id());
        if (service.isEmpty()) {
            return Optional.ofNullable(endpoints.get(provider.id()));
        }
        Optional<String> endpoint = ChangeLine.endpoint(service.get()::getProperty);
        endpoint.ifPresent(where -> endpoints.put(provider.id(), where));
        return endpoint;
    }

    private Optional<ServiceReference<?>> service(long serviceId) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            return references == null ? Optional.empty() : Optional.of(references[0]);
        } catch (InvalidSyntaxException | IllegalStateException notAvailable) {
            // a service id always makes a valid filter; a stopping bundle's context is no longer valid
            return Optional.empty();
        }
    }

    private String table(List<BackendFamily<?>> families) {
        StringBuilder out = new StringBuilder("Backend registry: who serves each name").append(System.lineSeparator());
        for (BackendFamily<?> family : families) {
            List<? extends BackendId<?>> names = registry.names(family);
            int width = names.stream().mapToInt(id -> id.name().length()).max().orElse(0);
            out.append("  ").append(family.displayName()).append(System.lineSeparator());
            for (BackendId<?> id : names) {
                Optional<BackendProvider> serving = registry.serving(id);
                String provider = serving.isEmpty() ? NO_PROVIDER : ChangeLine.provider(serving, this::where);
                out.append("    ").append(String.format("%-" + width + "s", id.name())).append("  ").append(provider)
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
