package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private final RequestGuard guard = new RequestGuard(new SecureRandom());

    @Test
    void aPostFromThePageWithItsTokenMayAct() {
        assertNull(guard.refusal(guard.token(), "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertNull(guard.refusal(guard.token(), null, "127.0.0.1:8080"));
    }

    @Test
    void aPostWithoutTheTokenIsRefused() {
        assertEquals("Refused: the request does not carry the token of the Backends page. Act from the page itself.",
                guard.refusal(null, null, "127.0.0.1:8080"));
        assertEquals("Refused: the request does not carry the token of the Backends page. Act from the page itself.",
                guard.refusal(guard.token() + "x", null, "127.0.0.1:8080"));
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheToken() {
        assertEquals("Refused: the request comes from http://evil.example, not from this console.",
                guard.refusal(guard.token(), "http://evil.example", "127.0.0.1:8080"));
        assertEquals("Refused: the request comes from null, not from this console.",
                guard.refusal(guard.token(), "null", "127.0.0.1:8080"));
    }
}
