package org.backendregistry.internal.webconsole;

import java.util.List;
import java.util.Map;

import org.backendregistry.attention.select.Candidate;

/**
 * The Selection part of the Backends page: a form with the keys of {@code backend:select}, read-only and so sent
 * as a GET, and the selector's answer under it; without the selector service, a line saying how to get it. The
 * explicit choice is a list of the attention names the registry knows now, so that an operator picks rather than
 * spells a name.
 */
final class SelectionHtml {

    static final String ID = "selection";
    static final String NO_SELECTOR = "No BackendSelector service: install and start the bundle "
            + "org.backendregistry.selector (Karaf: feature:install backend-registry-selector).";

    private static final Map<String, String> PLACEHOLDERS = Map.of("head_size", "128", "dtype", "bfloat16",
            "kv_cache_dtype", "auto", "block_size", "16", "use_mla", "false", "use_sparse", "false",
            "has_sink", "false", "attn_type", "DECODER");

    private SelectionHtml() {
    }

    /**
     * @param selectorPresent whether the BackendSelector service is there
     * @param fields          the submitted fields by key ({@code null} values for empty fields)
     * @param backendNames    the attention names to offer as the explicit choice
     * @param answer          the selector's answer to them, or {@code null} when none was asked
     */
    static String render(boolean selectorPresent, Map<String, String> fields, List<String> backendNames,
            SelectionAnswer answer, String appRoot) {
        StringBuilder out = new StringBuilder(4096).append("<div id=\"").append(ID).append("\">\n<h2>Selection</h2>\n");
        if (!selectorPresent) {
            return out.append("<p class=\"problem\">").append(Html.escape(NO_SELECTOR)).append("</p>\n</div>\n")
                    .toString();
        }
        out.append("<form class=\"selection\" method=\"get\" action=\"").append(Html.escape(appRoot))
                .append('/').append(BackendsRequests.LABEL).append("#").append(ID).append("\">\n");
        for (String key : SelectionAnswer.KEYS) {
            out.append("<label>").append(key).append(" <input name=\"").append(key).append("\" size=\"8\" value=\"")
                    .append(Html.escape(fields.get(key))).append("\" placeholder=\"")
                    .append(PLACEHOLDERS.get(key)).append("\"></label>\n");
        }
        backendChoice(out, fields.get(SelectionAnswer.BACKEND), backendNames);
        out.append("<button type=\"submit\">Select</button>\n</form>\n");
        if (answer != null) {
            answer(out, answer);
        }
        return out.append("</div>\n").toString();
    }

    /** A list of the names; a submitted name the registry no longer knows stays chosen, so the answer reads true. */
    private static void backendChoice(StringBuilder out, String submitted, List<String> backendNames) {
        String chosen = submitted == null ? "" : submitted.trim();
        out.append("<label>").append(SelectionAnswer.BACKEND).append(" <select name=\"")
                .append(SelectionAnswer.BACKEND).append("\">\n");
        option(out, "", "as configured (attention.backend)", chosen);
        option(out, "auto", "auto", chosen);
        for (String name : backendNames) {
            option(out, name, name, chosen);
        }
        if (!chosen.isEmpty() && !"auto".equals(chosen) && !backendNames.contains(chosen)) {
            option(out, chosen, chosen, chosen);
        }
        out.append("</select></label>\n");
    }

    private static void option(StringBuilder out, String value, String label, String chosen) {
        out.append("<option value=\"").append(Html.escape(value)).append('"')
                .append(value.equals(chosen) ? " selected" : "").append('>').append(Html.escape(label))
                .append("</option>\n");
    }

    private static void answer(StringBuilder out, SelectionAnswer answer) {
        if (answer.name() != null) {
            out.append("<p class=\"chosen\"><b>").append(Html.escape(answer.name())).append("</b> is chosen: ")
                    .append(Html.escape(answer.provider())).append("</p>\n");
        } else {
            out.append("<p class=\"problem failure\">").append(Html.escape(answer.failure())).append("</p>\n");
        }
        if (answer.candidates().isEmpty()) {
            return;
        }
        out.append("<table class=\"nicetable candidates\">\n<thead><tr><th>Candidate</th><th>Provider</th>"
                + "<th>Reasons</th></tr></thead>\n<tbody>\n");
        for (Candidate candidate : answer.candidates()) {
            out.append("<tr><td>").append(Html.escape(candidate.name())).append("</td><td>")
                    .append(Html.escape(candidate.provider().map(Object::toString).orElse(""))).append("</td><td>")
                    .append(candidate.chosen() ? "chosen" : candidate.valid() ? "valid"
                            : Html.escape(String.join(", ", candidate.reasons())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
