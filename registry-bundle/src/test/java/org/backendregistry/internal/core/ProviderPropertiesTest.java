package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProviderPropertiesTest {

    private static ProviderProperties read(Map<String, Object> properties) {
        return ProviderProperties.read(properties::get);
    }

    @Test
    void aOneElementArrayOrCollectionIsTakenAsTheName() {
        assertEquals("FLASH_ATTN", read(Map.of("backend.name", new String[] { "FLASH_ATTN" })).name());
        assertEquals("FLASH_ATTN", read(Map.of("backend.name", List.of("FLASH_ATTN"))).name());
    }

    @Test
    void aRankingThatIsNotAnIntegerCountsAsZeroWithAWarning() {
        ProviderProperties read = read(Map.of("backend.name", "FLASH_ATTN", "service.ranking", 7L));

        assertTrue(read.isProvider());
        assertEquals(0, read.ranking());
        assertEquals(List.of("service.ranking='7' (Long) is not an Integer and counts as 0"), read.warnings());
    }

    @Test
    void theDefaultFlagAcceptsBooleansAndTheirStrings() {
        assertTrue(read(Map.of("backend.name", "A", "backend.default", Boolean.TRUE)).isDefault());
        assertTrue(read(Map.of("backend.name", "A", "backend.default", "true")).isDefault());
        assertFalse(read(Map.of("backend.name", "A")).isDefault());
        assertEquals("backend.default='yes' (String) must be a Boolean (true marks a default implementation)",
                read(Map.of("backend.name", "A", "backend.default", "yes")).problem());
    }
}
