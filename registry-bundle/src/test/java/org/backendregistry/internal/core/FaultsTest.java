package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FaultsTest extends CoreFixture {

    @BeforeEach
    void defaultServes() {
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault());
    }

    @Test
    void whenTheWinnersGetServiceReturnsNullTheNextServesAndTheFailureIsLogged() {
        track(FakeService.of(null, "FLASH_ATTN").failingWith(() -> null));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(1, log.count("getService returned null"));
    }

    @Test
    void whenTheWinnersGetServiceThrowsTheNextServesAndTheFailureIsLogged() {
        track(FakeService.of(null, "FLASH_ATTN").failingWith(() -> {
            throw new IllegalStateException("activate failed");
        }));

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(1, log.count("getService threw java.lang.IllegalStateException: activate failed"));
    }

    @Test
    void anObjectOfTheWrongTypeIsSkippedAndGivenBack() {
        FakeService wrong = FakeService.of("not a backend", "FLASH_ATTN");
        track(wrong);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, wrong.inUse());
        assertEquals(1, log.count("is a java.lang.String, not a org.backendregistry.attention.AttentionBackend"));
    }

    static List<Object[]> malformedNames() {
        return List.of(
                new Object[] { null, "backend.name is missing" },
                new Object[] { "", "the backend name is empty" },
                new Object[] { "flash_attn", "'flash_attn' is not a valid backend name" },
                new Object[] { " FLASH_ATTN", "did you mean 'FLASH_ATTN'?" },
                new Object[] { 5, "backend.name='5' (Integer) must be a String" },
                new Object[] { new String[0], "names several or no backends" },
                new Object[] { new String[] { "FLASH_ATTN", "TRITON_ATTN" }, "[FLASH_ATTN, TRITON_ATTN] (String[]) names several" });
    }

    @ParameterizedTest
    @MethodSource("malformedNames")
    void aServiceWithAnUnusableNameIsNotAProviderAndTheReasonIsLoggedOnce(Object name, String reason) {
        FakeService bad = new FakeService(new OverrideA("FLASH_ATTN"));
        bad.properties.put("backend.name", name);
        TrackedService tracked = track(bad);
        modify(tracked, bad);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN), "valid providers keep serving");
        assertTrue(tracked.problem().contains(reason), tracked.problem());
        assertEquals(1, log.count("is not a backend provider (attention family)"), log.messages.toString());
        assertEquals(0, bad.gets, "a service that is not a provider is never obtained");
    }

    @Test
    void aServiceThatBecomesValidThroughAPropertyChangeServes() {
        FakeService late = new FakeService(new OverrideA("FLASH_ATTN"));
        late.properties.put("backend.name", "flash");
        TrackedService tracked = track(late);

        late.properties.put("backend.name", "FLASH_ATTN");
        modify(tracked, late);

        assertNull(tracked.problem());
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aServiceThatBecomesInvalidStopsServingAndIsGivenBack() {
        FakeService override = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN");
        TrackedService tracked = track(override);

        override.properties.put("backend.name", 42);
        modify(tracked, override);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(0, override.inUse());
    }
}
