package org.backendregistry.internal.webconsole;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protects the actions against cross-site request forgery. The console's authentication comes with every
 * request a browser sends, also one a foreign page makes it send; so an action must also carry a token that
 * only a page read through the console holds (a same-origin read), and, when the browser names the request's
 * origin, that origin must be the console's own.
 */
final class RequestGuard {

    private final String token;

    RequestGuard(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the token the page embeds in its forms */
    String token() {
        return token;
    }

    /**
     * @param sent   the token the request carries, or {@code null}
     * @param origin the request's {@code Origin} header, or {@code null} when the browser sent none
     * @param host   the request's {@code Host} header
     * @return why the request is refused, or {@code null} when it may act
     */
    String refusal(String sent, String origin, String host) {
        if (sent == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return "Refused: the request does not carry the token of the Backends page. Act from the page itself.";
        }
        // an opaque origin ("null", a sandboxed frame or a file) is not this console either
        if (origin != null && !sameHost(origin, host)) {
            return "Refused: the request comes from " + origin + ", not from this console.";
        }
        return null;
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
