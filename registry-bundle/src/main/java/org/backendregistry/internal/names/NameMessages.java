package org.backendregistry.internal.names;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.backendregistry.api.BackendConstants;
import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;

/** The seed's error messages about names, word for word, with what the user should do next. */
public final class NameMessages {

    private NameMessages() {
    }

    /**
     * The seed's message for an unknown name: {@code Unknown attention backend: 'FLASH'. Valid options
     * are: FLASH_ATTN, ...}, each valid name once (catalog first, then {@code extraNames}), followed by
     * a suggestion when one name is close.
     */
    public static String unknownName(BackendFamily<?> family, String name, Collection<String> extraNames) {
        Set<String> valid = new LinkedHashSet<>(family.catalogNames());
        valid.addAll(extraNames);
        StringBuilder message = new StringBuilder("Unknown ").append(family.displayName()).append(" backend: '")
                .append(name).append("'. Valid options are: ").append(String.join(", ", valid));
        ClosestName.to(name, valid).ifPresent(match -> message.append(". Did you mean '").append(match).append("'?"));
        return message.toString();
    }

    /**
     * The seed's message for a known name nothing provides: {@code Backend CUSTOM must be registered
     * before use. ...}, followed by the two ways to register one.
     */
    public static String notRegistered(BackendId<?> id) {
        String how = id.isCatalog()
                ? "registry.register(" + catalogType(id) + "." + id.name() + ", \"your.package.YourClass\")"
                : "registry.register(registry.lookup(..., \"" + id.name() + "\"), \"your.package.YourClass\")";
        String defaultHint = id.defaultClassName()
                .map(c -> " Its default implementation " + c + " is not running: start the bundle that provides it.")
                .orElse("");
        String service = id.family().serviceType().getSimpleName();
        return "Backend " + id.name() + " must be registered before use. Use " + how + ", or register "
                + article(service) + " " + service + " service with " + BackendConstants.BACKEND_NAME + "=" + id.name()
                + "." + defaultHint;
    }

    /** The message for a name that breaks {@link NameRules}: {@code Invalid attention backend name: ...}. */
    public static String invalidName(BackendFamily<?> family, String reason) {
        return "Invalid " + family.displayName() + " backend name: " + reason;
    }

    private static String catalogType(BackendId<?> id) {
        return id instanceof Enum<?> constant ? constant.getDeclaringClass().getSimpleName() : id.getClass().getSimpleName();
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
