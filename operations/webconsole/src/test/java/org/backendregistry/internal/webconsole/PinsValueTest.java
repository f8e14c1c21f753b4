package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class PinsValueTest {

    @Test
    void pinningANameReplacesItsEntryAndKeepsTheOthers() {
        assertArrayEquals(new String[] { "mamba:CUSTOM=com.vendor.mamba", "FLASH_ATTN=org.backendregistry.backends.cuda" },
                PinsValue.with("FLASH_ATTN=x, mamba:CUSTOM=com.vendor.mamba", "FLASH_ATTN",
                        "org.backendregistry.backends.cuda"));
    }

    @Test
    void unpinningRemovesOnlyThatNamesEntry() {
        assertArrayEquals(new String[] { "mamba:CUSTOM=com.vendor.mamba" },
                PinsValue.with(new String[] { "FLASH_ATTN=x", "mamba:CUSTOM=com.vendor.mamba" }, "FLASH_ATTN", null));
    }

    @Test
    void theTargetOfANameIsReadFromAnyShapeOfTheValue() {
        assertEquals("x", PinsValue.target(List.of("TRITON_ATTN=y", "FLASH_ATTN = x"), "FLASH_ATTN"));
        assertNull(PinsValue.target(null, "FLASH_ATTN"));
    }
}
