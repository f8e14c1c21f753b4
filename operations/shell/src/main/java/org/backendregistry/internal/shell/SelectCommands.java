package org.backendregistry.internal.shell;

import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.SelectionRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code backend:select} and {@code backend:device}: what the BackendSelector chooses for a config, with
 * every candidate's reasons, and which device it selects for. Without the selector bundle both say how to
 * get it.
 */
@Component(service = SelectCommands.class, property = {
        "osgi.command.scope=backend",
        "osgi.command.function=select",
        "osgi.command.function=device" })
public class SelectCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendSelector selector;

    /**
     * {@code backend:select head_size=128 dtype=bfloat16 block_size=16 [use_mla=true ...] [backend=NAME]}:
     * the choice and every candidate's reasons, or vLLM's failure message.
     */
    public void select(String... arguments) {
        System.out.println(selectText(arguments));
    }

    /** {@code backend:device}: the device, where it came from, and its priority lists. */
    public void device() {
        BackendSelector current = selector;
        System.out.println(current == null ? SelectionReport.NO_SELECTOR : SelectionReport.device(current));
    }

    String selectText(String... arguments) {
        BackendSelector current = selector;
        if (current == null) {
            return SelectionReport.NO_SELECTOR;
        }
        try {
            SelectionRequest parsed = SelectionRequest.parse(arguments);
            return SelectionReport.chosen(parsed.backend() == null ? current.select(parsed.config())
                    : current.select(parsed.config(), parsed.backend()));
        } catch (IllegalStateException failure) {
            return SelectionReport.failed(failure);
        } catch (IllegalArgumentException wrongArgument) {
            return wrongArgument.getMessage();
        }
    }
}
