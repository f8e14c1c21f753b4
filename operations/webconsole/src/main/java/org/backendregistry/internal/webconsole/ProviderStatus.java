package org.backendregistry.internal.webconsole;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.ProviderDTO;

/** The words of the detail view: why a provider does not serve, and when it failed. */
final class ProviderStatus {

    private ProviderStatus() {
    }

    /** @return {@code service 42} or {@code registration 3} */
    static String reference(ProviderDTO provider) {
        return ("REGISTRATION".equals(provider.origin) ? "registration " : "service ") + provider.id;
    }

    /** @return the reason in the shell's words, naming the provider that serves instead */
    static String reason(NameDTO name, NotServingDTO loser) {
        if (loser.reason == null) {
            return loser.detail == null ? "no reason given" : loser.detail;
        }
        String instead = loser.servedInstead < 0 ? "nothing" : "service " + loser.servedInstead;
        return switch (loser.reason) {
            case SHADOWED -> "shadowed by " + instead;
            case SET_ASIDE -> "set aside by clear; it serves again only if it registers anew";
            case PINNED_AWAY -> "pinned away: the pin " + name.pin + " selects " + instead;
            case NOT_GETTABLE -> "getService returned null" + detail(loser);
            case EXCEPTION_ON_GET -> "getService threw" + detail(loser);
            case DENIED_BY_POLICY -> "denied by policy: bundle " + loser.provider.bundleSymbolicName
                    + " is not in trusted.bundles";
        };
    }

    /** @return {@code 3 (last 2026-12-02T05:20:11Z)}, or {@code none} */
    static String failures(ProviderDTO provider) {
        if (provider.failureCount == 0) {
            return "none";
        }
        String count = String.valueOf(provider.failureCount);
        return provider.lastFailureTime <= 0 ? count
                : count + " (last " + Instant.ofEpochMilli(provider.lastFailureTime).truncatedTo(ChronoUnit.SECONDS)
                        + ")";
    }

    private static String detail(NotServingDTO loser) {
        return loser.detail == null ? "" : ": " + loser.detail;
    }
}
