package org.backendregistry.internal.remote;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers one export per configured name ({@link ExportedBackend} for an attention name,
 * {@link ExportedMambaBackend} for a mamba name) with the standard Remote Services properties, so that
 * Remote Service Admin exports it; an operator exports a default backend this way without rebuilding its
 * bundle. Only while {@code org.backendregistry.remote} is configured.
 */
@Component(configurationPid = RemoteExportConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class BackendExporter {

    /** Aries RSA's tcp distribution provider. */
    static final String ARIES_TCP = "aries.tcp";

    private static final Logger LOG = Logger.getLogger(BackendExporter.class.getName());

    private final List<ServiceRegistration<?>> exports = new ArrayList<>();

    @Activate
    public BackendExporter(BundleContext context, @Reference BackendRegistry registry,
            RemoteExportConfiguration configuration) {
        int index = 0;
        for (String entry : names(configuration.export_names())) {
            Optional<ExportName> name = ExportName.parse(entry);
            if (name.isEmpty()) {
                LOG.log(Level.WARNING, "export.names ({0}): ''{1}'' is not a backend name such as FLASH_ATTN or "
                        + "mamba:MAMBA2; it is not exported", new Object[] { RemoteExportConfiguration.PID, entry });
                continue;
            }
            exports.add(context.registerService(name.get().serviceInterface(), export(registry, name.get()),
                    properties(name.get(), configuration, index++)));
        }
        if (exports.isEmpty()) {
            // an emptied .cfg (an editor that truncates before it writes, read by FileInstall in between and
            // written back by it) would otherwise withdraw every endpoint without a word
            LOG.log(Level.WARNING, "export.names ({0}) names no backend: nothing is exported; write e.g. "
                    + "export.names = FLASH_ATTN", RemoteExportConfiguration.PID);
        }
    }

    @Deactivate
    void withdraw() {
        exports.forEach(ServiceRegistration::unregister);
        exports.clear();
    }

    private static Object export(BackendRegistry registry, ExportName name) {
        return name.family() == MambaBackendId.FAMILY ? new ExportedMambaBackend(registry, name.name())
                : new ExportedBackend(registry, name);
    }

    static Dictionary<String, Object> properties(ExportName name, RemoteExportConfiguration configuration, int index) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(BackendConstants.BACKEND_NAME, name.name());
        // a default at the lowest ranking: here it never shadows the provider it delegates to, and in an
        // importing framework remote.policy decides between it and that framework's own default
        properties.put(BackendConstants.BACKEND_DEFAULT, Boolean.TRUE);
        properties.put(Constants.SERVICE_RANKING, Integer.MIN_VALUE);
        properties.put("service.exported.interfaces", name.serviceInterface());
        properties.put("service.exported.configs", ARIES_TCP);
        if (!configuration.export_hostname().isBlank()) {
            properties.put("aries.rsa.hostname", configuration.export_hostname().trim());
        }
        properties.put("osgi.basic.timeout", configuration.export_timeout());
        if (configuration.export_port() > 0) {
            properties.put("aries.rsa.port", String.valueOf(configuration.export_port() + index));
        }
        return properties;
    }

    /** Comma-separated values in one String (a .cfg file) or an array (ConfigAdmin), each once. */
    static Set<String> names(String[] values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
        }
        return names;
    }
}
