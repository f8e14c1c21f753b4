package org.backendregistry.internal.webconsole;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;

/**
 * The detail view of one name: every provider, why each one does not serve, its failures, and the actions
 * (pin to a provider, unpin, clear the overrides, retry failed providers) as POST forms carrying the page's token.
 */
final class NameDetailHtml {

    private NameDetailHtml() {
    }

    static void render(StringBuilder out, NameDTO name, String appRoot, String token) {
        String key = NameKey.of(name);
        out.append("<div id=\"detail\" data-name=\"").append(Html.escape(key)).append("\">\n<h2>")
                .append(Html.escape(key)).append("</h2>\n<p class=\"facts\">").append(Html.escape(name.family))
                .append(name.catalog ? ", catalog" : ", plugin name");
        if (name.defaultClassName != null) {
            out.append("; default ").append(Html.escape(name.defaultClassName));
        }
        out.append("; pin: ").append(name.pin == null ? "none" : Html.escape(name.pin)).append("</p>\n");
        if (name.problem != null) {
            out.append("<p class=\"problem\">").append(Html.escape(name.problem)).append("</p>\n");
        }
        out.append("<table class=\"nicetable providers\">\n<thead><tr><th>Provider</th><th>Class</th>"
                + "<th>Reference</th><th>Ranking</th><th>Kind</th><th>Status</th><th>Failures</th><th>Action</th>"
                + "</tr></thead>\n<tbody>\n");
        if (name.serving != null) {
            provider(out, name, name.serving, "serving", appRoot, token);
        }
        for (NotServingDTO loser : Dtos.list(name.notServing)) {
            provider(out, name, loser.provider, ProviderStatus.reason(name, loser), appRoot, token);
        }
        out.append("</tbody>\n</table>\n<p class=\"actions\">");
        if (name.pin != null) {
            ActionForm.render(out, appRoot, token, "unpin", key, null, "Unpin " + key);
        }
        if (hasOverride(name)) {
            ActionForm.render(out, appRoot, token, "clear", key, null, "Clear overrides of " + key);
        }
        if (hasFailed(name)) {
            ActionForm.render(out, appRoot, token, "retry", key, null, "Retry failed providers of " + key);
        }
        out.append("</p>\n</div>\n");
    }

    private static void provider(StringBuilder out, NameDTO name, ProviderDTO provider, String status,
            String appRoot, String token) {
        out.append("<tr data-service=\"").append(provider.id).append("\"><td class=\"provider\">")
                .append(NameTableHtml.bundleLink(provider, appRoot)).append("</td><td class=\"class\">")
                .append(Html.escape(NameTableHtml.className(provider))).append("</td><td>")
                .append(ProviderStatus.reference(provider)).append("</td><td>").append(provider.ranking)
                .append("</td><td>").append(provider.isDefault ? "default" : "override")
                .append("</td><td class=\"status\">").append(Html.escape(status))
                .append("</td><td class=\"failures\">").append(ProviderStatus.failures(provider))
                .append("</td><td>");
        String target = provider.bundleSymbolicName;
        if (target != null && !target.equals(name.pin)) {
            ActionForm.render(out, appRoot, token, "pin", NameKey.of(name), target, "Pin to " + target);
        }
        out.append("</td></tr>\n");
    }

    private static boolean hasOverride(NameDTO name) {
        return (name.serving != null && !name.serving.isDefault) || Dtos.list(name.notServing).stream()
                .anyMatch(l -> !l.provider.isDefault && l.reason != NotServingReason.SET_ASIDE);
    }

    private static boolean hasFailed(NameDTO name) {
        return Dtos.list(name.notServing).stream().anyMatch(l -> l.reason == NotServingReason.NOT_GETTABLE
                || l.reason == NotServingReason.EXCEPTION_ON_GET);
    }
}
