package org.backendregistry.internal.webconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionRequest;

/**
 * What the selector answers to the page's Selection form, as {@code backend:select} answers it: the chosen name
 * and its provider, or the failure message (vLLM's for no valid backend or an explicit choice that does not fit, or
 * the wrong argument's), and every candidate with its reasons.
 *
 * @param request    the request as {@code key=value} pairs, as {@code backend:select} takes them
 * @param name       the chosen name, or {@code null} when none was chosen
 * @param provider   its provider as {@code bundle/class}, or {@code null}
 * @param failure    why nothing was chosen, or {@code null}
 * @param candidates every candidate in priority order; empty when the request could not be read
 */
record SelectionAnswer(String request, String name, String provider, String failure, List<Candidate> candidates) {

    /** The form's fields, in the order shown: the keys of {@code backend:select} an operator changes most. */
    static final List<String> KEYS = List.of("head_size", "dtype", "kv_cache_dtype", "block_size", "use_mla",
            "use_sparse", "has_sink", "attn_type");

    /**
     * The explicit choice, as {@code backend:select} takes it: a name (never another is chosen), {@code auto}
     * (automatic, whatever the selector's {@code attention.backend} says) or empty (the selector's own choice: its
     * {@code attention.backend}, automatic unless configured).
     */
    static final String BACKEND = "backend";

    /** Copies the candidates. */
    SelectionAnswer {
        candidates = List.copyOf(candidates);
    }

    /**
     * @param parameter the request's parameters by name
     * @return the form's fields that are filled as {@code key=value} pairs, or {@code null} when the request asks
     *         no selection (it has no {@code head_size})
     */
    static String request(UnaryOperator<String> parameter) {
        if (parameter.apply("head_size") == null) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (String key : KEYS) {
            String value = parameter.apply(key);
            if (value != null && !value.isBlank()) {
                pairs.add(key + "=" + value.trim());
            }
        }
        String backend = parameter.apply(BACKEND);
        if (backend != null && !backend.isBlank()) {
            pairs.add(BACKEND + "=" + backend.trim());
        }
        return String.join(" ", pairs);
    }

    /** @return what {@code selector} chooses for {@code request}, or why it chooses nothing */
    static SelectionAnswer of(BackendSelector selector, String request) {
        try {
            SelectionRequest parsed = SelectionRequest.parse(request);
            Selection selection = parsed.backend() == null ? selector.select(parsed.config())
                    : selector.select(parsed.config(), parsed.backend());
            return new SelectionAnswer(request, selection.name(), selection.provider().toString(), null,
                    selection.candidates());
        } catch (NoValidBackendException none) {
            return new SelectionAnswer(request, null, null, none.getMessage(), none.candidates());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // an explicit choice that does not fit (InvalidBackendChoiceException) names its reasons in the message
            return new SelectionAnswer(request, null, null, refused.getMessage(), List.of());
        }
    }

    /** @return the answer for scripts: {@code {"request":..,"chosen":..,"provider":..,"failure":..,"candidates":[..]}} */
    String json() {
        return "{\"request\":" + RuntimeJson.quote(request) + ",\"chosen\":" + RuntimeJson.quote(name)
                + ",\"provider\":" + RuntimeJson.quote(provider) + ",\"failure\":" + RuntimeJson.quote(failure)
                + ",\"candidates\":" + candidates.stream().map(SelectionAnswer::json)
                        .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String json(Candidate candidate) {
        return "{\"name\":" + RuntimeJson.quote(candidate.name()) + ",\"provider\":"
                + RuntimeJson.quote(candidate.provider().map(Object::toString).orElse(null)) + ",\"chosen\":"
                + candidate.chosen() + ",\"reasons\":" + candidate.reasons().stream().map(RuntimeJson::quote)
                        .collect(Collectors.joining(",", "[", "]")) + "}";
    }
}
