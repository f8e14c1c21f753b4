package org.backendregistry.internal.shell;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.mamba.MambaBackendId;

/** How the commands write providers and names, so that every command reads the same. */
final class ProviderText {

    /** The origin of a provider made by {@code BackendRegistry.register}. */
    static final String REGISTRATION = "REGISTRATION";

    private ProviderText() {
    }

    /**
     * @return {@code bundle-symbolic-name/implementation-class}, {@code ?} for a class never obtained; an
     *         imported provider adds where it runs, since its bundle and class (Remote Service Admin's and a
     *         proxy's) say nothing about that: {@code ... @ tcp://10.0.0.5:8201 (framework 6f1c...)}
     */
    static String label(ProviderDTO provider) {
        String local = provider.bundleSymbolicName + "/" + (provider.className == null ? "?" : provider.className);
        return provider.imported ? local + " @ " + provider.endpointId + " (framework " + provider.endpointFrameworkUuid
                + ")" : local;
    }

    /** @return {@code service 42} or {@code registration 3} */
    static String reference(ProviderDTO provider) {
        return (REGISTRATION.equals(provider.origin) ? "registration " : "service ") + provider.id;
    }

    /** @return {@code (service 42, bundle 17 version 1.0.0, ranking 0, override)} */
    static String facts(ProviderDTO provider) {
        return "(" + reference(provider) + ", bundle " + provider.bundleId + " version " + provider.bundleVersion
                + ", ranking " + provider.ranking + ", " + (provider.isDefault ? "default" : "override") + ")";
    }

    /** @return the name as the commands accept it: attention names as they are, mamba names as {@code mamba:NAME} */
    static String commandName(NameDTO name) {
        return isMamba(name) ? NameArgument.MAMBA_PREFIX + name.name : name.name;
    }

    /** @return whether the name belongs to the mamba family */
    static boolean isMamba(NameDTO name) {
        return MambaBackendId.FAMILY.displayName().equals(name.family);
    }

    /** @return {@code text} as a sentence: a full stop added unless it already ends with one, {@code ?} or {@code !} */
    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }
}
