package org.backendregistry.internal.core;

import java.util.Comparator;

/**
 * The precedence of providers of one name, best first: registrations newest first, then overrides,
 * then defaults, each by {@code service.ranking} descending and {@code service.id} ascending (the
 * order of {@code ServiceReference.compareTo}, reversed).
 */
final class ProviderRanking implements Comparator<Provider> {

    static final ProviderRanking INSTANCE = new ProviderRanking();

    private ProviderRanking() {
    }

    @Override
    public int compare(Provider a, Provider b) {
        int byKind = a.kind().compareTo(b.kind());
        if (byKind != 0) {
            return byKind;
        }
        if (a.kind() == ProviderKind.REGISTRATION) {
            return Long.compare(b.sequence(), a.sequence());
        }
        int byRanking = Integer.compare(b.ranking(), a.ranking());
        return byRanking != 0 ? byRanking : Long.compare(a.sequence(), b.sequence());
    }
}
