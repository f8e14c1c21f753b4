package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.DeviceOrigin;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionRequest;

/**
 * Selection with answers cached per config and request. An answer is reused only while the registry's
 * generation and the selector's settings are the ones it was computed under; the generation is read
 * before computing, so a change during the computation makes the next call compute again rather than
 * reuse an answer that may predate the change. Failures are not cached.
 */
final class LiveSelector {

    /** The word that asks for automatic selection, as vLLM's configuration spells it. */
    static final String AUTO = "auto";

    private static final int MAX_CACHED = 1024;

    /**
     * What the selector is configured with.
     *
     * @param device   the device selected for
     * @param explicit the configured explicit backend, {@code null} for automatic selection
     * @param lists    the priority lists
     * @param request  the default request, {@code null} when none is configured
     * @param problems what was left out of the configuration, in words
     */
    record Settings(Device device, DeviceOrigin origin, String explicit, PriorityLists lists,
            SelectionRequest request, List<String> problems) {
        static final Settings DEFAULT = new Settings(Device.CPU, DeviceOrigin.DEFAULT, null, PriorityLists.vllm(),
                null, List.of());

        Settings(Device device, String explicit, PriorityLists lists) {
            this(device, DeviceOrigin.CONFIGURATION, explicit, lists, null, List.of());
        }
    }

    private record Answer(long generation, Settings settings, Selection selection) {
    }

    private record ExplicitRequest(AttentionSelectorConfig config, String name) {
    }

    private final ProviderView view;
    private final LongSupplier generation;
    private final SelectionLog log;
    private final ConcurrentHashMap<Object, Answer> cache = new ConcurrentHashMap<>();
    private volatile Settings settings = Settings.DEFAULT;

    LiveSelector(ProviderView view, LongSupplier generation, SelectionLog log) {
        this.view = view;
        this.generation = generation;
        this.log = log;
    }

    Settings settings() {
        return settings;
    }

    void settings(Settings next) {
        settings = next;
        cache.clear();
    }

    Selection select(AttentionSelectorConfig config) {
        Settings current = settings;
        return current.explicit() == null ? automatic(config, current) : explicit(config, current.explicit(), current);
    }

    Selection select(AttentionSelectorConfig config, String backendName) {
        Settings current = settings;
        return AUTO.equals(backendName.trim().toLowerCase(Locale.ROOT)) ? automatic(config, current)
                : explicit(config, backendName.trim(), current);
    }

    /** @return the configuration's problems, and whether the explicit backend fits the default request now */
    List<String> problems() {
        Settings current = settings;
        List<String> problems = new ArrayList<>(current.problems());
        if (current.explicit() != null && current.request() != null) {
            try {
                explicit(current.request().config(), current.explicit(), current);
            } catch (RuntimeException doesNotFit) {
                problems.add(BackendSelector.ATTENTION_BACKEND + "=" + current.explicit() + " does not fit "
                        + BackendSelector.DEFAULT_REQUEST + " " + current.request().config() + ": "
                        + doesNotFit.getMessage());
            }
        }
        return problems;
    }

    List<String> priorities(boolean mla) {
        Settings current = settings;
        return current.lists().forDevice(current.device(), mla);
    }

    private Selection automatic(AttentionSelectorConfig config, Settings current) {
        long seen = generation.getAsLong();
        Answer answer = cache.get(config);
        if (answer != null && answer.generation == seen && answer.settings == current) {
            return answer.selection;
        }
        Selection fresh = SelectionEngine.automatic(config, current.device(),
                current.lists().forDevice(current.device(), config.useMla(), config.useSparse()), view);
        remember(config, new Answer(seen, current, fresh));
        return fresh;
    }

    private Selection explicit(AttentionSelectorConfig config, String name, Settings current) {
        long seen = generation.getAsLong();
        ExplicitRequest request = new ExplicitRequest(config, name);
        Answer answer = cache.get(request);
        if (answer != null && answer.generation == seen && answer.settings == current) {
            return answer.selection;
        }
        Selection fresh = SelectionEngine.explicit(config, current.device(), name, view);
        remember(request, new Answer(seen, current, fresh));
        return fresh;
    }

    private void remember(Object request, Answer answer) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(request, answer);
        log.chosen(answer.selection);
    }
}
