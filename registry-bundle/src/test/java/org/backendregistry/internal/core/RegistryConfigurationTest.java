package org.backendregistry.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

class RegistryConfigurationTest {

    private static final List<org.backendregistry.api.BackendFamily<?>> FAMILIES = List.of(AttentionBackendId.FAMILY,
            MambaBackendId.FAMILY);

    private static RegistryConfiguration read(Map<String, ?> properties) {
        return RegistryConfiguration.read(properties, FAMILIES);
    }

    @Test
    void withoutConfigurationTheCatalogIsOpenAndEveryBundleTrusted() {
        RegistryConfiguration defaults = RegistryConfiguration.defaults(FAMILIES);

        assertFalse(defaults.catalogClosed());
        assertFalse(defaults.pinFallback());
        assertTrue(defaults.deprecationWarnings());
        assertTrue(defaults.trusts("anything.at.all"));
        assertEquals(List.of(), defaults.problems());
    }

    @Test
    void theDrainTimeoutTakesZeroOrMoreMillisecondsAndReportsANegativeOneOrAWordKeepingTheDefault() {
        assertEquals(5_000, RegistryConfiguration.defaults(FAMILIES).drainTimeoutMillis());
        assertEquals(0, read(Map.of("drain.timeout", 0)).drainTimeoutMillis());
        assertEquals(List.of(), read(Map.of("drain.timeout", 0)).problems());
        assertEquals(250, read(Map.of("drain.timeout", " 250 ")).drainTimeoutMillis());

        RegistryConfiguration negative = read(Map.of("drain.timeout", -1));
        assertEquals(5_000, negative.drainTimeoutMillis());
        assertEquals(List.of("drain.timeout: '-1' is not a number of milliseconds (0 or more); 5000 applies"),
                negative.problems());
        RegistryConfiguration word = read(Map.of("drain.timeout", "soon"));
        assertEquals(5_000, word.drainTimeoutMillis());
        assertEquals(List.of("drain.timeout: 'soon' is not a number of milliseconds (0 or more); 5000 applies"),
                word.problems());
    }

    @Test
    void pinsComeAsCommaSeparatedEntriesOrArraysAndMambaNamesArePrefixed() {
        RegistryConfiguration configuration = read(Map.of("pins",
                new String[] { "FLASH_ATTN=com.example.flash, TRITON_ATTN=com.example.Triton", "mamba:MAMBA2=x.y" }));

        assertEquals("com.example.flash", configuration.pin(0, "FLASH_ATTN"));
        assertEquals("com.example.Triton", configuration.pin(0, "TRITON_ATTN"));
        assertEquals("x.y", configuration.pin(1, "MAMBA2"));
        assertNull(configuration.pin(0, "MAMBA2"));
    }

    @Test
    void invalidValuesAreReportedAndTheRestApplies() {
        RegistryConfiguration configuration = read(Map.of("pins", "FLASH_ATTN, flash_attn=x, TREE_ATTN=y",
                "catalog.closed", "maybe", "trusted.bundles", "com.example.*, bad pattern!", "pin.fallback", "true"));

        assertEquals(List.of(
                "pins: 'FLASH_ATTN' is not NAME=target (target: a bundle symbolic name or a class name); it is ignored",
                "pins: 'flash_attn=x': 'flash_attn' is not a valid backend name: names match [A-Z][A-Z0-9_]* "
                        + "(upper-case letters, digits, underscores); did you mean 'FLASH_ATTN'?; it is ignored",
                "trusted.bundles: 'bad pattern!' is not a symbolic-name pattern (letters, digits, '.', '-', '_' and '*' "
                        + "as a wildcard); it is ignored",
                "catalog.closed: 'maybe' is not true or false; false applies"), configuration.problems());
        assertEquals("y", configuration.pin(0, "TREE_ATTN"));
        assertTrue(configuration.pinFallback());
        assertFalse(configuration.catalogClosed());
        assertTrue(configuration.trusts("com.example.flash"));
        assertFalse(configuration.trusts("org.other"));
    }

    @Test
    void aPinWithoutNameOrWithoutTargetIsReportedAndIgnored() {
        RegistryConfiguration configuration = read(Map.of("pins", "=com.example.flash, FLASH_ATTN=, TRITON_ATTN=x"));

        assertEquals(List.of(
                "pins: '=com.example.flash' is not NAME=target (target: a bundle symbolic name or a class name); it is "
                        + "ignored",
                "pins: 'FLASH_ATTN=' is not NAME=target (target: a bundle symbolic name or a class name); it is ignored"),
                configuration.problems());
        assertNull(configuration.pin(0, "FLASH_ATTN"));
        assertEquals("x", configuration.pin(0, "TRITON_ATTN"));
    }

    @Test
    void valuesComeAsCollectionsAndBooleansTooAsMetatypeGivesThem() {
        RegistryConfiguration configuration = read(Map.of("pins", List.of("FLASH_ATTN=a.b", "mamba:MAMBA1=c.d"),
                "trusted.bundles", List.of("com.example.*"), "catalog.closed", Boolean.TRUE, "pin.fallback", " TRUE ",
                "deprecation.warnings", Boolean.FALSE));

        assertEquals(List.of(), configuration.problems());
        assertEquals("a.b", configuration.pin(0, "FLASH_ATTN"));
        assertEquals("c.d", configuration.pin(1, "MAMBA1"));
        assertTrue(configuration.catalogClosed());
        assertTrue(configuration.pinFallback());
        assertFalse(configuration.deprecationWarnings());
        assertFalse(configuration.trusts("org.other"));
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseKeepsItsDefault() {
        RegistryConfiguration configuration = read(Map.of("deprecation.warnings", "sometimes"));

        assertTrue(configuration.deprecationWarnings());
        assertEquals(List.of("deprecation.warnings: 'sometimes' is not true or false; true applies"),
                configuration.problems());
    }

    @Test
    void aPinForAnUnknownFamilyIsReportedAndIgnored() {
        RegistryConfiguration configuration = read(Map.of("pins", "linear:FLASH_ATTN=x"));

        assertEquals(List.of("pins: 'linear:FLASH_ATTN=x' names no family 'linear'; use NAME=target for attention or "
                + "mamba:NAME=target; it is ignored"), configuration.problems());
        assertNull(configuration.pin(0, "FLASH_ATTN"));
    }

    @Test
    void trustedPatternsMatchWholeSymbolicNamesWithStarAsWildcard() {
        RegistryConfiguration configuration = read(Map.of("trusted.bundles", "org.backendregistry.*,com.vendor.kernels"));

        assertTrue(configuration.trusts("org.backendregistry.examples.flash-attn-jvm"));
        assertTrue(configuration.trusts("com.vendor.kernels"));
        assertFalse(configuration.trusts("com.vendor.kernels.extra"));
        assertFalse(configuration.trusts("orgXbackendregistry.x"));
    }
}
