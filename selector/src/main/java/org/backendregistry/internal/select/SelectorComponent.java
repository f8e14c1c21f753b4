package org.backendregistry.internal.select;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.backendregistry.api.BackendChange;
import org.backendregistry.api.BackendListener;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceDescription;
import org.backendregistry.attention.select.DeviceOrigin;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionListener;
import org.backendregistry.attention.select.SelectionSubscription;
import org.backendregistry.mamba.MambaBackend;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link BackendSelector} service, told of every registry change as a {@link BackendListener}. */
@Component(service = {BackendSelector.class, BackendListener.class}, configurationPid = BackendSelector.PID)
public final class SelectorComponent implements BackendSelector, BackendListener {

    private static final Logger LOG = System.getLogger("org.backendregistry.selector");

    private final ConcurrentSkipListMap<ServiceReference<DeviceDescription>, DeviceDescription> devices =
            new ConcurrentSkipListMap<>();
    private final ExecutorService serial = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "backend-selector-subscriptions");
        thread.setDaemon(true);
        return thread;
    });
    private final BackendRegistry registry;
    private final LiveSelector live;
    private final Subscriptions subscriptions;
    private volatile BackendRegistryRuntime runtime;
    private volatile Map<String, Object> properties;

    @Activate
    public SelectorComponent(@Reference BackendRegistry registry, Map<String, Object> properties) {
        this.registry = registry;
        this.live = new LiveSelector(new RegistryProviders(registry, () -> runtime), registry::generation,
                new SelectionLog(LOG::log));
        this.subscriptions = new Subscriptions(live::select, serial, LOG::log);
        this.properties = properties;
        apply("the selector started");
    }

    @Modified
    void modified(Map<String, Object> changed) {
        this.properties = changed;
        apply("the selector's configuration changed");
    }

    @Deactivate
    void deactivate() {
        serial.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDevice(ServiceReference<DeviceDescription> reference, DeviceDescription description) {
        devices.put(reference, description);
        if (live != null) {
            apply("a device description came");
        }
    }

    void removeDevice(ServiceReference<DeviceDescription> reference) {
        devices.remove(reference);
        apply("a device description went");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRuntime(BackendRegistryRuntime view) {
        this.runtime = view;
    }

    void unsetRuntime(BackendRegistryRuntime view) {
        if (runtime == view) {
            runtime = null;
        }
    }

    private synchronized void apply(String cause) {
        Map.Entry<ServiceReference<DeviceDescription>, DeviceDescription> best = devices.lastEntry();
        Device described = best == null ? null : best.getValue().device();
        LiveSelector.Settings next = SettingsReader.read(properties, described,
                problem -> LOG.log(Level.WARNING, "Selector configuration " + BackendSelector.PID + ": " + problem));
        if (!next.equals(live.settings())) {
            live.settings(next);
            subscriptions.changed(cause);
        }
    }

    @Override
    public void backendChanged(BackendChange change) {
        subscriptions.changed(change.toString());
    }

    @Override
    public Selection select(AttentionSelectorConfig config) {
        return live.select(config);
    }

    @Override
    public Selection select(AttentionSelectorConfig config, String backendName) {
        return live.select(config, backendName);
    }

    @Override
    public MambaBackend mamba(String mambaType) {
        return registry.backend(MambaBackendId.forMambaType(mambaType));
    }

    @Override
    public List<String> problems() {
        return live.problems();
    }

    @Override
    public Device device() {
        return live.settings().device();
    }

    @Override
    public DeviceOrigin deviceOrigin() {
        return live.settings().origin();
    }

    @Override
    public List<String> priorities(boolean mla) {
        return live.priorities(mla);
    }

    @Override
    public SelectionSubscription subscribe(AttentionSelectorConfig config, SelectionListener listener) {
        return subscriptions.subscribe(config, listener);
    }
}
