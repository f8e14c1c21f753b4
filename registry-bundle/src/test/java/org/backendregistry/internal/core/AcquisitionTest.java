package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A provider's object is held at most once, even when two decisions obtain it at the same time or the
 * provider goes away meanwhile. The interleavings are forced from inside {@code get()}, where another
 * thread would run, so that they are exact rather than likely.
 */
class AcquisitionTest {

    /** A service factory that hands out a new object per get and can run something in the middle of one. */
    private static final class InterleavingSource implements ServiceSource {
        private Runnable duringNextGet;
        int gets;
        int ungets;

        @Override
        public Object get() {
            gets++;
            Runnable during = duringNextGet;
            duringNextGet = null;
            if (during != null) {
                during.run();
            }
            return new Object();
        }

        @Override
        public void unget() {
            ungets++;
        }
    }

    private final InterleavingSource source = new InterleavingSource();
    private final Acquisition acquisition = new Acquisition(source);

    @Test
    void whenAnotherDecisionObtainsTheObjectFirstTheSecondCopyIsGivenBack() {
        Object[] otherResult = new Object[1];
        source.duringNextGet = () -> otherResult[0] = acquisition.obtain();

        Object result = acquisition.obtain();

        assertSame(otherResult[0], result, "both decisions see the one held object");
        assertTrue(acquisition.holds(result));
        assertEquals(2, source.gets);
        assertEquals(1, source.gets - source.ungets, "exactly one object stays in use");
    }

    @Test
    void anObjectObtainedWhileTheProviderGoesAwayIsGivenBackAndNotKept() {
        source.duringNextGet = acquisition::close;

        assertNull(acquisition.obtain());

        assertFalse(acquisition.isHeld());
        assertEquals(0, source.gets - source.ungets);
    }

    @Test
    void theHeldObjectIsObtainedOnceAndGivenBackOnce() {
        Object first = acquisition.obtain();

        assertSame(first, acquisition.obtain());
        assertEquals(1, source.gets);
        assertTrue(acquisition.isHeld());
        assertFalse(acquisition.holds(new Object()));
        assertFalse(acquisition.holds(null));

        assertSame(first, acquisition.take().object());
        assertEquals(null, acquisition.take(), "a second release finds nothing to give back");
        acquisition.giveBack();
        assertEquals(0, source.gets - source.ungets);
        assertFalse(acquisition.isHeld());
    }
}
