package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class PinEntriesTest {

    @Test
    void aSingleStringMayHoldSeveralCommaSeparatedEntries() {
        assertEquals(List.of("FLASH_ATTN=a.b", "mamba:MAMBA2=c.d"), PinEntries.parse(" FLASH_ATTN=a.b , mamba:MAMBA2=c.d,"));
    }

    @Test
    void pinningANameReplacesItsEntryAndKeepsTheOthers() {
        String[] pins = PinEntries.with(new String[] { "FLASH_ATTN=old", "TRITON_ATTN=x" }, "FLASH_ATTN", "new");

        assertArrayEquals(new String[] { "TRITON_ATTN=x", "FLASH_ATTN=new" }, pins);
    }

    @Test
    void anAttentionPinAndTheMambaPinOfTheSameNameAreDifferentEntries() {
        String[] pins = PinEntries.with("CUSTOM=a,mamba:CUSTOM=b", "mamba:CUSTOM", null);

        assertArrayEquals(new String[] { "CUSTOM=a" }, pins);
    }

    @Test
    void unpinningTheOnlyEntryLeavesNone() {
        assertArrayEquals(new String[0], PinEntries.with(List.of("FLASH_ATTN = a.b"), "FLASH_ATTN", null));
    }

    @Test
    void theTargetOfANameIsReadBackAndAbsentWhenUnpinned() {
        assertEquals("a.b", PinEntries.target("FLASH_ATTN = a.b", "FLASH_ATTN"));
        assertNull(PinEntries.target("FLASH_ATTN=a.b", "mamba:FLASH_ATTN"));
        assertNull(PinEntries.target(null, "FLASH_ATTN"));
    }
}
