package org.backendregistry.internal.webconsole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/**
 * One table per family, one row per name: what {@code backend:list} prints, with the serving bundle linked to
 * the console's bundle page and each name linked to its detail view.
 */
final class NameTableHtml {

    static final List<String> HEADER = List.of("Name", "Serving provider", "Class", "Overridden", "Shadowed", "Pin");

    private NameTableHtml() {
    }

    /** @param appRoot the console's root path, such as {@code /system/console} */
    static void render(StringBuilder out, RegistryRuntimeDTO dto, String appRoot) {
        for (Map.Entry<String, List<NameDTO>> family : byFamily(dto).entrySet()) {
            String familyName = Html.escape(family.getKey());
            out.append("<h2>").append(familyName).append("</h2>\n")
                    .append("<table class=\"nicetable backends\" id=\"family-")
                    .append(Html.escape(family.getKey().replace(' ', '-'))).append("\">\n")
                    .append("<thead><tr>");
            HEADER.forEach(h -> out.append("<th>").append(h).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (NameDTO name : family.getValue()) {
                row(out, name, appRoot);
            }
            out.append("</tbody>\n</table>\n");
        }
    }

    private static void row(StringBuilder out, NameDTO name, String appRoot) {
        String key = NameKey.of(name);
        ProviderDTO serving = name.serving;
        out.append("<tr id=\"").append(Html.escape(NameKey.rowId(name))).append("\">")
                .append("<td class=\"name\"><a href=\"").append(appRoot).append("/backends?name=")
                .append(Html.escape(Html.query(key))).append("\">").append(Html.escape(name.name)).append("</a></td>")
                .append("<td class=\"provider\">").append(serving == null ? "-" : bundleLink(serving, appRoot))
                .append("</td>")
                .append("<td class=\"class\">").append(serving == null ? "-" : Html.escape(className(serving)))
                .append("</td>")
                .append("<td class=\"overridden\">").append(name.overridden ? "yes" : "no").append("</td>")
                .append("<td class=\"shadowed\">").append(Dtos.list(name.notServing).size()).append("</td>")
                .append("<td class=\"pin\">").append(name.pin == null ? "-" : Html.escape(name.pin)).append("</td>")
                .append("</tr>\n");
    }

    /** @return a link to the console's page of the provider's bundle, titled with its symbolic name */
    static String bundleLink(ProviderDTO provider, String appRoot) {
        return "<a href=\"" + appRoot + "/bundles/" + provider.bundleId + "\">"
                + Html.escape(provider.bundleSymbolicName) + "</a>";
    }

    /** @return the provider's class, {@code ?} while the registry has never obtained its object */
    static String className(ProviderDTO provider) {
        return provider.className == null ? "?" : provider.className;
    }

    private static Map<String, List<NameDTO>> byFamily(RegistryRuntimeDTO dto) {
        Map<String, List<NameDTO>> families = new LinkedHashMap<>();
        for (NameDTO name : Dtos.names(dto)) {
            families.computeIfAbsent(name.family, f -> new ArrayList<>()).add(name);
        }
        return families;
    }
}
