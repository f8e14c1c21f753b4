package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.backendregistry.api.BackendFamily;
import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;

/** What a freshly started framework serves, and how it answers names it does not know. */
@ExamReactorStrategy(PerClass.class)
public class DefaultBackendsIT extends BackendRegistryTestSupport {

    @Inject
    private BackendRegistryRuntime runtime;


    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration());
    }

    @Test
    public void scrRegistersOneDefaultServicePerCatalogNameFromTheBackendBundles() throws InvalidSyntaxException {
        for (BackendId<?> id : catalogIdsWithDefaults()) {
            Class<?> serviceType = id.family().serviceType();
            String filter = "(&(backend.name=" + id.name() + ")(backend.default=true))";
            assertEquals(id.name() + ": default services", 1,
                    bundleContext.getServiceReferences(serviceType.getName(), filter).length);
        }
    }

    @Test
    public void everyCatalogNameExceptCustomIsServedByItsDefaultAfterStart() {
        for (BackendId<?> id : catalogIdsWithDefaults()) {
            assertServedByDefault(id);
            String expected = id.defaultClassName().orElseThrow();
            assertEquals(id.name() + ": backendClass", expected, registry.backendClass(id).getName());
            assertEquals(id.name() + ": path without the class", expected.substring(0, expected.lastIndexOf('.')),
                    registry.path(id, false));
            assertEquals(id.name() + ": the serving object's class", expected,
                    registry.backend(id).getClass().getName());
        }
    }

    @Test
    public void theDefaultsNameThemselvesAfterTheNameTheyServe() {
        for (AttentionBackendId id : AttentionBackendId.values()) {
            if (id != AttentionBackendId.CUSTOM) {
                assertEquals(id.name(), registry.backend(id).name());
            }
        }
        for (MambaBackendId id : MambaBackendId.values()) {
            if (id != MambaBackendId.CUSTOM) {
                assertEquals(id.name(), registry.backend(id).name());
            }
        }
    }

    @Test
    public void anUnknownAttentionNameIsRejectedWithTheSeedMessageListingEveryValidNameOnce() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.lookup(AttentionBackendId.FAMILY, "FLASH"));

        String expected = "Unknown attention backend: 'FLASH'. Valid options are: " + Arrays
                .stream(AttentionBackendId.values()).map(Enum::name).collect(Collectors.joining(", "));
        assertTrue(error.getMessage(), error.getMessage().startsWith(
                "Unknown attention backend: 'FLASH'. Valid options are: FLASH_ATTN, TRITON_ATTN, ROCM_ATTN, "
                        + "ROCM_AITER_MLA, ROCM_AITER_TRITON_MLA, ROCM_AITER_FA, "));
        assertEquals("no name is close to FLASH, so nothing may follow the list", expected, error.getMessage());
        assertEachNameOnce(AttentionBackendId.FAMILY, "FLASH", error.getMessage());
    }

    @Test
    public void anUnknownMambaNameIsRejectedWithTheSeedMessageListingEveryValidNameOnce() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.lookup(MambaBackendId.FAMILY, "MAMBA3"));

        assertEquals("MAMBA1 and MAMBA2 are equally close to MAMBA3, so no suggestion follows",
                "Unknown mamba attention backend: 'MAMBA3'. Valid options are: "
                + "MAMBA1, MAMBA2, SHORT_CONV, LINEAR, GDN_ATTN, CUSTOM", error.getMessage());
        assertEachNameOnce(MambaBackendId.FAMILY, "MAMBA3", error.getMessage());
    }

    @Test
    public void theRegistryWorksWithoutConfigAdminOrEventAdmin() {
        assertNull("this framework has no ConfigAdmin", bundleContext.getServiceReference(
                "org.osgi.service.cm.ConfigurationAdmin"));
        assertNull("nor EventAdmin", bundleContext.getServiceReference("org.osgi.service.event.EventAdmin"));

        assertEveryDefaultServes();
        assertEquals(0, runtime.getRuntimeDTO().configurationProblems.length);
    }

    @Test
    public void aNameIsServedByItsTextAsByItsId() {
        assertSame(registry.backend(AttentionBackendId.CPU_ATTN), registry.backend(AttentionBackendId.FAMILY, "CPU_ATTN"));
        assertSame(registry.backend(MambaBackendId.MAMBA2), registry.backend(MambaBackendId.FAMILY, "MAMBA2"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.backend(AttentionBackendId.FAMILY, "FLASH"));
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith("Unknown attention backend: 'FLASH'."));
    }

    @Test
    public void aKnownNameIsFoundInItsFamilyAndADeprecatedSpellingResolvesToTheCurrentName() {
        assertEquals(AttentionBackendId.FLASH_ATTN, registry.lookup(AttentionBackendId.FAMILY, "FLASH_ATTN"));
        assertEquals(AttentionBackendId.FLASH_ATTN, registry.lookup(AttentionBackendId.FAMILY, "FLASH_ATTN_VLLM_V1"));
        assertEquals(MambaBackendId.MAMBA2, registry.lookup(MambaBackendId.FAMILY, "MAMBA2"));
    }

    private static void assertEachNameOnce(BackendFamily<?> family, String unknown, String message) {
        String sentence = message.split("\\. Did you mean '")[0];
        String list = sentence.substring(sentence.indexOf("Valid options are: ") + "Valid options are: ".length());
        List<String> listed = Arrays.asList(list.split(", "));
        assertEquals("the valid names, each once, in declaration order", List.copyOf(family.catalogNames()), listed);
        assertTrue(message, message.contains("'" + unknown + "'"));
    }
}
