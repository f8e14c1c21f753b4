package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider whose object could not be obtained is tried again, and the runtime view counts its failures. */
class SecondChanceTest extends CoreFixture {

    private final AtomicInteger attempts = new AtomicInteger();
    private FakeService flaky;

    @BeforeEach
    void aDefaultServesAndAnOverrideFailsOnce() {
        track(FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault());
        OverrideA override = new OverrideA("FLASH_ATTN");
        flaky = FakeService.of(override, "FLASH_ATTN").failingWith(() -> attempts.incrementAndGet() == 1 ? null : override);
    }

    @Test
    void aFailedProviderIsTriedAgainWhenItsPropertiesChange() {
        TrackedService tracked = track(flaky);
        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));

        modify(tracked, flaky.ranking(1));

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aFailedProviderIsTriedAgainOnRequest() {
        track(flaky);

        core.retry(FLASH_ATTN);

        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
        assertEquals(2, attempts.get());
    }

    @Test
    void retryOfANameWithoutFailuresChangesNothing() {
        long generation = core.generation();
        int changes = this.changes.size();

        core.retry(FLASH_ATTN);

        assertEquals(DefaultImpl.class.getName(), path(FLASH_ATTN));
        assertEquals(changes, this.changes.size(), "no change is announced");
        assertTrue(core.generation() >= generation);
    }

    @Test
    void theRuntimeViewShowsHowOftenAndWhenAProviderFailed() {
        flaky.failingWith(() -> null);
        track(flaky);
        long before = System.currentTimeMillis();
        core.retry(FLASH_ATTN);
        long after = System.currentTimeMillis();

        NotServingDTO failed = notServing(FLASH_ATTN.name());

        assertEquals(NotServingReason.NOT_GETTABLE, failed.reason);
        assertEquals(2, failed.provider.failureCount);
        assertTrue(failed.provider.lastFailureTime >= before && failed.provider.lastFailureTime <= after,
                "the time of the last failure: " + failed.provider.lastFailureTime);
    }

    @Test
    void aProviderThatNeverFailedShowsNoFailure() {
        NameDTO name = name(FLASH_ATTN.name());

        assertEquals(0, name.serving.failureCount);
        assertEquals(0, name.serving.lastFailureTime);
    }

    private NotServingDTO notServing(String name) {
        return Arrays.stream(name(name).notServing).findFirst().orElseThrow();
    }

    private NameDTO name(String name) {
        return Arrays.stream(new RuntimeView(core).snapshot().names).filter(n -> n.name.equals(name)).findFirst()
                .orElseThrow();
    }
}
