package org.backendregistry.internal.webconsole;

import java.io.PrintWriter;

import org.apache.felix.inventory.Format;
import org.apache.felix.inventory.InventoryPrinter;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.attention.select.BackendSelector;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Adds the backends to the console's status dump ("Status") and to every inventory zip, as text and JSON.
 * Enabled by {@link OptionalComponents} when the inventory API is wired.
 */
@Component(enabled = false, service = InventoryPrinter.class, property = {
        InventoryPrinter.NAME + "=backends",
        InventoryPrinter.TITLE + "=Backends",
        InventoryPrinter.FORMAT + "=TEXT",
        InventoryPrinter.FORMAT + "=JSON" })
public class BackendsInventoryPrinter implements InventoryPrinter {

    private final BackendRegistryRuntime runtime;
    private final ServiceReference<BackendRegistryRuntime> runtimeReference;

    // the selector bundle is optional: without it the dump has no device
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendSelector selector;

    @Activate
    public BackendsInventoryPrinter(@Reference(name = "runtime") BackendRegistryRuntime runtime,
            @Reference(name = "runtimeReference", service = BackendRegistryRuntime.class)
            ServiceReference<BackendRegistryRuntime> runtimeReference) {
        this.runtime = runtime;
        this.runtimeReference = runtimeReference;
    }

    @Override
    public void print(PrintWriter printWriter, Format format, boolean isZip) {
        long changeCount = BackendsRequests.changeCount(runtimeReference);
        RegistryRuntimeDTO dto = runtime.getRuntimeDTO();
        DeviceView device = DeviceView.of(selector);
        printWriter.print(format == Format.JSON ? RuntimeJson.of(dto, changeCount, device)
                : RuntimeText.of(dto, device));
    }
}
