package org.backendregistry.internal.webconsole;

import java.util.List;
import java.util.Optional;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/**
 * The part of the Backends page that follows the registry: generation, the detail view of the chosen name, the
 * tables, the services that are not providers and the configuration problems. The page's script swaps this
 * part whole, with the selector's device header before it, when the change count or the device moves, so the same
 * code renders the first view and every update.
 */
final class PageHtml {

    /** The id of the element the script replaces. */
    static final String ROOT_ID = "backends";
    /** The id of the device header, which the script replaces with the part. */
    static final String DEVICE_ID = "device";

    private PageHtml() {
    }

    /**
     * @param selected the key of the name whose detail view is shown, or {@code null}
     * @return the element {@code <div id="backends">} with the state of {@code dto}
     */
    static String render(RegistryRuntimeDTO dto, long changeCount, String appRoot, String token, String selected) {
        StringBuilder out = new StringBuilder(16_384);
        String part = appRoot + "/backends.part" + (selected == null ? "" : "?name=" + Html.query(selected));
        out.append("<div id=\"").append(ROOT_ID).append("\" data-changecount=\"").append(changeCount)
                .append("\" data-part=\"").append(Html.escape(part)).append("\">\n")
                .append("<p class=\"statline\">Registry generation <span id=\"generation\">").append(dto.generation)
                .append("</span>, change count <span id=\"changecount\">").append(changeCount).append("</span>")
                .append(" &middot; <a href=\"").append(appRoot).append("/backends.json\">JSON</a></p>\n");
        if (selected != null) {
            Optional<NameDTO> name = Dtos.find(dto, selected);
            if (name.isPresent()) {
                NameDetailHtml.render(out, name.get(), appRoot, token);
            } else {
                out.append("<p class=\"problem\" id=\"detail\">").append(Html.escape(selected))
                        .append(" is not known to the registry now.</p>\n");
            }
        }
        NameTableHtml.render(out, dto, appRoot);
        failedServices(out, Dtos.list(dto.failedServices), appRoot);
        List<String> problems = Dtos.list(dto.configurationProblems);
        if (!problems.isEmpty()) {
            out.append("<h2>Configuration problems</h2>\n<ul class=\"configuration-problems\">");
            problems.forEach(p -> out.append("<li>").append(Html.escape(p)).append("</li>"));
            out.append("</ul>\n");
        }
        return out.append("</div>\n").toString();
    }

    /**
     * @param device the selector's device, or {@code null} when no selector runs
     * @return the header line {@code <p class="statline" id="device">Device: cuda (...), from configuration</p>}, or
     *         nothing without a selector
     */
    static String device(DeviceView device) {
        return device == null ? ""
                : "<p class=\"statline\" id=\"" + DEVICE_ID + "\">" + Html.escape(device.text()) + "</p>\n";
    }

    private static void failedServices(StringBuilder out, List<FailedServiceDTO> failed, String appRoot) {
        if (failed.isEmpty()) {
            return;
        }
        out.append("<h2>Services that are not providers</h2>\n<table class=\"nicetable failed\">\n<thead><tr>"
                + "<th>Service</th><th>Bundle</th><th>Family</th><th>Reason</th><th>Value</th><th>Detail</th>"
                + "</tr></thead>\n<tbody>\n");
        for (FailedServiceDTO f : failed) {
            out.append("<tr><td>").append(f.serviceId).append("</td><td><a href=\"").append(appRoot)
                    .append("/bundles/").append(f.bundleId).append("\">").append(Html.escape(f.bundleSymbolicName))
                    .append("</a></td><td>").append(Html.escape(f.family)).append("</td><td>")
                    .append(f.reason == null ? "" : f.reason.name()).append("</td><td>").append(Html.escape(f.value))
                    .append("</td><td>").append(Html.escape(f.detail)).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /**
     * The style and script of the page, kept out of the part so that swapping the part never re-runs them. The
     * script keeps the page current: it asks {@code backends.part?since=N&device=D} twice a second (N the part's
     * change count, D the device header's text) and swaps the header and the part when the answer is not 204
     * (unchanged), so that a new device shows as soon as the selector has it, registry change or not.
     */
    static String script() {
        return """
                <style>
                #backends h2, #selection h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
                #backends form.action { display: inline; margin-right: 0.5em; }
                #backends .problem, #selection .problem { color: #a00; }
                #selection form.selection label { display: inline-block; margin: 0 0.8em 0.3em 0; }
                #selection form.selection select { width: auto; }
                </style>
                <script>
                (function () {
                  function poll() {
                    var root = document.getElementById('%1$s');
                    if (!root) { return; }
                    var device = document.getElementById('%2$s');
                    // from the origin, never from the address: one that holds user:password@ makes fetch() throw
                    var url = location.origin + root.dataset.part
                        + (root.dataset.part.indexOf('?') < 0 ? '?' : '&') + 'since=' + root.dataset.changecount
                        + '&%3$s=' + encodeURIComponent(device ? device.textContent : '');
                    fetch(url, {credentials: 'same-origin', cache: 'no-store'})
                      .then(function (r) { return r.status === 200 ? r.text() : null; })
                      .then(function (html) {
                        if (!html) { return; }
                        // the answer brings the device header (if a selector runs) before the part
                        var shown = document.getElementById('%2$s');
                        if (shown) { shown.remove(); }
                        root.outerHTML = html;
                      })
                      .catch(function () { })
                      .then(function () { setTimeout(poll, 500); });
                  }
                  setTimeout(poll, 500);
                })();
                </script>
                """.formatted(ROOT_ID, DEVICE_ID, BackendsRequests.SHOWN_DEVICE);
    }
}
