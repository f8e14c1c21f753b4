package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;

/** The {@code backend:info} sentences: what a name is, who serves it and why, and why every other provider does not. */
final class NameReport {

    /** What the registry says, and the commands repeat, of a provider that could not be obtained. */
    private static final String RETURNED_NULL = "getService returned null";

    private NameReport() {
    }

    /** @return the header, the pin, who serves and why, then one sentence per provider that does not serve */
    static List<String> describe(NameDTO name) {
        List<String> lines = new ArrayList<>();
        lines.add(header(name));
        if (name.pin != null) {
            lines.add("Pinned to " + name.pin + ".");
        }
        lines.add(serving(name));
        if (name.serving != null && name.serving.openLeases > 0) {
            lines.add(name.serving.openLeases + " lease(s) open on it now: a departure of this provider waits for them.");
        }
        if (name.pin != null && name.serving != null && !pinSelects(name.pin, name.serving)) {
            lines.add("The pin " + name.pin + " matches no provider that can serve, so the usual precedence applies.");
        }
        for (NotServingDTO loser : notServing(name)) {
            lines.add(notServing(name, loser));
        }
        return lines;
    }

    /** @return e.g. {@code FLASH_ATTN (attention, catalog; default org...FlashAttentionBackend)} */
    static String header(NameDTO name) {
        return name.name + " (" + name.family + ", " + (name.catalog ? "catalog" : "plugin name") + "; "
                + (name.defaultClassName == null ? "no default" : "default " + name.defaultClassName) + ")";
    }

    /** @return who serves the name and why, or the registry's words for why nothing does */
    static String serving(NameDTO name) {
        ProviderDTO provider = name.serving;
        if (provider == null) {
            return name.problem == null ? "Nothing serves " + name.name + "." : ProviderText.sentence(name.problem);
        }
        return "Served by " + ProviderText.label(provider) + " " + ProviderText.facts(provider) + " because "
                + why(name) + ".";
    }

    private static String why(NameDTO name) {
        ProviderDTO provider = name.serving;
        if (name.pin != null && pinSelects(name.pin, provider)) {
            return "it is pinned";
        }
        if (ProviderText.REGISTRATION.equals(provider.origin)) {
            return "it is the newest programmatic registration";
        }
        if (provider.imported) {
            return "it is the best " + (provider.isDefault ? "default" : "override") + " under remote.policy";
        }
        if (!provider.isDefault) {
            return "it is the highest-ranked override";
        }
        boolean overridesSetAside = notServing(name).stream().anyMatch(n -> n.reason == NotServingReason.SET_ASIDE);
        return overridesSetAside ? "it is the default and its overrides are set aside"
                : "it is the default and nothing overrides it";
    }

    /** @return how many providers of the name could not be obtained ({@code getService} returned null or threw) */
    static long failedProviders(NameDTO name) {
        return notServing(name).stream().filter(n -> n.reason == NotServingReason.NOT_GETTABLE
                || n.reason == NotServingReason.EXCEPTION_ON_GET).count();
    }

    /** @return one sentence on why {@code loser} does not serve {@code name} */
    static String notServing(NameDTO name, NotServingDTO loser) {
        ProviderDTO provider = loser.provider;
        return ProviderText.label(provider) + " " + ProviderText.facts(provider) + " does not serve: "
                + ProviderText.sentence(reason(name, loser));
    }

    private static String reason(NameDTO name, NotServingDTO loser) {
        NotServingReason reason = loser.reason;
        if (reason == null) {
            return loser.detail == null ? "no reason given" : loser.detail;
        }
        return switch (reason) {
            case SHADOWED -> "shadowed by " + instead(name, loser);
            case SET_ASIDE -> "set aside by clearOverride; it serves again only if it registers anew";
            case PINNED_AWAY -> "pinned away: the pin " + name.pin + " selects " + instead(name, loser);
            case NOT_GETTABLE -> RETURNED_NULL + (loser.detail == null || loser.detail.equals(RETURNED_NULL) ? ""
                    : " (" + loser.detail + ")");
            case EXCEPTION_ON_GET -> "getService threw: " + (loser.detail == null ? "an exception" : loser.detail);
            case DENIED_BY_POLICY -> loser.provider.imported && loser.detail != null ? "denied by policy: " + loser.detail
                    : "denied by policy: bundle " + loser.provider.bundleSymbolicName + " is not in trusted.bundles";
        };
    }

    private static String instead(NameDTO name, NotServingDTO loser) {
        ProviderDTO serving = name.serving;
        return serving != null && serving.id == loser.servedInstead ? ProviderText.reference(serving)
                : "service " + loser.servedInstead;
    }

    private static boolean pinSelects(String pin, ProviderDTO provider) {
        return pin.equals(provider.bundleSymbolicName) || pin.equals(provider.className);
    }

    private static List<NotServingDTO> notServing(NameDTO name) {
        return name.notServing == null ? List.of() : Arrays.asList(name.notServing);
    }
}
