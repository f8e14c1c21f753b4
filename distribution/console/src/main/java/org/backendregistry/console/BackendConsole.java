package org.backendregistry.console;

import java.util.List;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Prints who serves every backend name when it starts, then one line per change of provider. */
@Component(immediate = true, service = BackendListener.class)
public final class BackendConsole implements BackendListener {

    private static final String NO_PROVIDER = "(no provider)";

    private final BackendRegistry registry;

    @Activate
    public BackendConsole(@Reference(name = "registry") BackendRegistry registry) {
        this.registry = registry;
        // one print call, so the table is not interleaved with lines other threads write meanwhile
        System.out.print(table(List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    @Override
    public void backendChanged(BackendChange change) {
        System.out.println(change);
    }

    private String table(List<BackendFamily<?>> families) {
        StringBuilder out = new StringBuilder("Backend registry: who serves each name").append(System.lineSeparator());
        for (BackendFamily<?> family : families) {
            List<? extends BackendId<?>> names = registry.names(family);
            int width = names.stream().mapToInt(id -> id.name().length()).max().orElse(0);
            out.append("  ").append(family.displayName()).append(System.lineSeparator());
            for (BackendId<?> id : names) {
                String provider = registry.serving(id).map(BackendProvider::toString).orElse(NO_PROVIDER);
                out.append("    ").append(String.format("%-" + width + "s", id.name())).append("  ").append(provider)
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
