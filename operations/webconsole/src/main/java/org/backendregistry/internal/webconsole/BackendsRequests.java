package org.backendregistry.internal.webconsole;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.backendregistry.api.BackendRegistry;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The requests of the Backends page, apart from any servlet API: the page ({@code backends}), its live part
 * ({@code backends.part?since=N&device=D}, 204 while the change count is N and the selector's device header reads D),
 * its JSON ({@code backends.json[?since=N]})
 * the actions (POST, guarded by {@link RequestGuard}) and the selection (a read-only GET with the keys of
 * {@code backend:select}: {@code backends?head_size=48&dtype=bfloat16} on the page,
 * {@code backends.json?head_size=48&dtype=bfloat16&backend=FLASH_ATTN} as JSON). The console authenticates every request before.
 */
final class BackendsRequests {

    static final String LABEL = "backends";
    /** The request attribute in which the console gives its root path. */
    static final String APP_ROOT = "felix.webconsole.appRoot";
    /** The parameter of the live part in which the page sends the device header it shows. */
    static final String SHOWN_DEVICE = "device";

    private final BackendRegistryRuntime runtime;
    private final ServiceReference<BackendRegistryRuntime> runtimeReference;
    private final Supplier<ComponentServiceObjects<?>> configurationAdmin;
    private final Actions actions;
    private final Supplier<BackendSelector> selector;
    private final RequestGuard guard = new RequestGuard(new SecureRandom());

    /** @param configurationAdmin the ConfigurationAdmin service objects now, or {@code null} */
    BackendsRequests(BackendRegistry registry, BackendRegistryRuntime runtime,
            ServiceReference<BackendRegistryRuntime> runtimeReference,
            Supplier<ComponentServiceObjects<?>> configurationAdmin) {
        this(registry, runtime, runtimeReference, configurationAdmin, () -> null);
    }

    /** @param selector the BackendSelector service now, or {@code null} */
    BackendsRequests(BackendRegistry registry, BackendRegistryRuntime runtime,
            ServiceReference<BackendRegistryRuntime> runtimeReference,
            Supplier<ComponentServiceObjects<?>> configurationAdmin, Supplier<BackendSelector> selector) {
        this.selector = selector;
        this.runtime = runtime;
        this.runtimeReference = runtimeReference;
        this.configurationAdmin = configurationAdmin;
        this.actions = new Actions(registry);
    }

    /**
     * @param uri   the request URI: its extension chooses the page, the part or the JSON
     * @param name  the {@code name} parameter (the detail view's name), or {@code null}
     * @param since the {@code since} parameter, or {@code null}
     */
    Reply get(String uri, String name, String since, String appRoot) {
        return get(uri, name, since, appRoot, key -> null);
    }

    /** @param parameter every request parameter by name: the selection's keys among them */
    Reply get(String uri, String name, String since, String appRoot, UnaryOperator<String> parameter) {
        String selection = SelectionAnswer.request(parameter);
        BackendSelector current = selector.get();
        if (selection != null && uri.endsWith(".json")) {
            return current == null ? Reply.status(503, SelectionHtml.NO_SELECTOR)
                    : Reply.of("application/json", SelectionAnswer.of(current, selection).json());
        }
        long changeCount = changeCount(runtimeReference); // before the DTO: a change in between shows next poll
        boolean unchanged = parse(since) == changeCount;
        RegistryRuntimeDTO dto = runtime.getRuntimeDTO();
        DeviceView device = DeviceView.of(current);
        if (uri.endsWith(".json")) {
            return Reply.of("application/json", unchanged ? RuntimeJson.unchanged(dto.generation, changeCount)
                    : RuntimeJson.of(dto, changeCount, device));
        }
        if (uri.endsWith(".part")) {
            // the selector's device changes without the registry: the part is unchanged only when both are as shown
            return unchanged && shows(device, parameter.apply(SHOWN_DEVICE)) ? Reply.status(204, null)
                    : Reply.of("text/html", live(dto, changeCount, device, appRoot, name));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        SelectionAnswer.KEYS.forEach(key -> fields.put(key, parameter.apply(key)));
        fields.put(SelectionAnswer.BACKEND, parameter.apply(SelectionAnswer.BACKEND));
        // outside the part the script swaps, so that a registry change keeps the form and its answer
        String selectionPart = SelectionHtml.render(current != null, fields, attentionNames(dto),
                current == null || selection == null ? null : SelectionAnswer.of(current, selection), appRoot);
        return Reply.framed(live(dto, changeCount, device, appRoot, name) + selectionPart + PageHtml.script());
    }

    /** @return what the page's script swaps: the device header and the part that follows the registry */
    private String live(RegistryRuntimeDTO dto, long changeCount, DeviceView device, String appRoot, String name) {
        return PageHtml.device(device) + PageHtml.render(dto, changeCount, appRoot, guard.token(), name);
    }

    /**
     * @param shown the header text the page shows ({@code device} parameter of the part), empty or {@code null}
     *              without a header
     * @return whether the page shows {@code device} already
     */
    private static boolean shows(DeviceView device, String shown) {
        return (device == null ? "" : device.text()).equals(shown == null ? "" : shown);
    }

    /** @return a 303 to the name's detail view, or why the action was refused */
    Reply post(String token, String origin, String host, String action, String name, String target,
            String appRoot) throws IOException {
        String refusal = guard.refusal(token, origin, host);
        if (refusal != null) {
            return Reply.status(403, refusal);
        }
        ComponentServiceObjects<?> admin = configurationAdmin.get();
        Object service = admin == null ? null : admin.getService();
        try {
            String key = actions.perform(action, name, target, service);
            // back to the name's detail view: a reload repeats no action
            return Reply.seeOther(appRoot + "/" + LABEL + "?name=" + Html.query(key));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return Reply.status(400, refused.getMessage());
        } finally {
            if (service != null) {
                release(admin, service);
            }
        }
    }

    /** @return the runtime service's {@code service.changecount}, raised after every change it shows */
    static long changeCount(ServiceReference<?> runtimeReference) {
        Object count = runtimeReference.getProperty(Constants.SERVICE_CHANGECOUNT);
        return count instanceof Number number ? number.longValue() : 0L;
    }

    /** @return the attention names the registry knows now, in its order: the explicit choices of the Selection form */
    private static List<String> attentionNames(RegistryRuntimeDTO dto) {
        return Dtos.names(dto).stream().filter(name -> AttentionBackendId.FAMILY.displayName().equals(name.family))
                .map(name -> name.name).toList();
    }

    @SuppressWarnings("unchecked")
    private static <S> void release(ComponentServiceObjects<S> objects, Object service) {
        objects.ungetService((S) service);
    }

    private static long parse(String since) {
        try {
            return since == null ? -1 : Long.parseLong(since);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
