package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.junit.jupiter.api.Test;

class PageHtmlTest {

    private static final String ROOT = "/system/console";

    @Test
    void eachNameIsARowWithItsServingBundleLinkedToTheBundlesPage() {
        String html = PageHtml.render(SampleRuntime.overridden(), 5, ROOT, "t0k3n", null);

        assertTrue(html.contains("<tr id=\"name-FLASH_ATTN\"><td class=\"name\"><a href=\"/system/console/backends"
                + "?name=FLASH_ATTN\">FLASH_ATTN</a></td><td class=\"provider\"><a href=\"/system/console/bundles/32\">"
                + SampleRuntime.JVM_FLASH_BUNDLE + "</a></td><td class=\"class\">" + SampleRuntime.JVM_FLASH
                + "</td><td class=\"overridden\">yes</td><td class=\"shadowed\">1</td><td class=\"pin\">-</td></tr>"),
                html);
    }

    @Test
    void aNameNothingServesShowsADashForProviderAndClass() {
        String html = PageHtml.render(SampleRuntime.overridden(), 5, ROOT, "t0k3n", null);

        assertTrue(html.contains("<td class=\"provider\">-</td><td class=\"class\">-</td>"), html);
    }

    @Test
    void eachFamilyHasItsOwnTableAndMambaRowsLinkTheirPrefixedName() {
        String html = PageHtml.render(SampleRuntime.overridden(), 5, ROOT, "t0k3n", null);

        assertTrue(html.contains("<h2>attention</h2>"), html);
        assertTrue(html.contains("<table class=\"nicetable backends\" id=\"family-mamba-attention\">"), html);
        assertTrue(html.contains("<tr id=\"name-mamba-MAMBA1\"><td class=\"name\"><a href=\"/system/console/backends"
                + "?name=mamba%3AMAMBA1\">MAMBA1</a>"), html);
    }

    @Test
    void thePartCarriesTheChangeCountTheScriptAsksSince() {
        String html = PageHtml.render(SampleRuntime.overridden(), 5, ROOT, "t0k3n", "FLASH_ATTN");

        assertTrue(html.startsWith("<div id=\"backends\" data-changecount=\"5\" "
                + "data-part=\"/system/console/backends.part?name=FLASH_ATTN\">"), html);
        assertTrue(html.contains("Registry generation <span id=\"generation\">7</span>"), html);
    }

    @Test
    void theDetailViewSaysWhyEachProviderDoesNotServeAndOffersToPinIt() {
        String html = PageHtml.render(SampleRuntime.overridden(), 5, ROOT, "t0k3n", "FLASH_ATTN");

        assertTrue(html.contains("<td class=\"status\">serving</td>"), html);
        assertTrue(html.contains("<td class=\"status\">shadowed by service 64</td><td class=\"failures\">none</td>"),
                html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"token\" value=\"t0k3n\"><input type=\"hidden\" "
                + "name=\"action\" value=\"pin\"><input type=\"hidden\" name=\"name\" value=\"FLASH_ATTN\">"
                + "<input type=\"hidden\" name=\"target\" value=\"" + SampleRuntime.CUDA + "\">"), html);
        assertTrue(html.contains(">Clear overrides of FLASH_ATTN</button>"), html);
        assertFalse(html.contains(">Unpin FLASH_ATTN</button>"), html);
    }

    @Test
    void aPinnedNameOffersUnpinAndNoPinToItsOwnTarget() {
        RegistryRuntimeDTO dto = SampleRuntime.overridden();
        dto.names[0].pin = SampleRuntime.CUDA;
        dto.names[0].notServing[0].reason = NotServingReason.PINNED_AWAY;

        String html = PageHtml.render(dto, 6, ROOT, "t0k3n", "FLASH_ATTN");

        assertTrue(html.contains(">Unpin FLASH_ATTN</button>"), html);
        assertFalse(html.contains(">Pin to " + SampleRuntime.CUDA + "</button>"), html);
        assertTrue(html.contains("<td class=\"pin\">" + SampleRuntime.CUDA + "</td>"), html);
    }

    @Test
    void failuresShowTheirCountAndTheTimeOfTheLast() {
        RegistryRuntimeDTO dto = SampleRuntime.overridden();
        dto.names[0].notServing[0].reason = NotServingReason.NOT_GETTABLE;
        dto.names[0].notServing[0].provider.failureCount = 3;
        dto.names[0].notServing[0].provider.lastFailureTime = 1_764_652_811_000L;

        String html = PageHtml.render(dto, 6, ROOT, "t0k3n", "FLASH_ATTN");

        assertTrue(html.contains("<td class=\"status\">getService returned null</td>"
                + "<td class=\"failures\">3 (last 2025-12-02T05:20:11Z)</td>"), html);
        assertTrue(html.contains(">Retry failed providers of FLASH_ATTN</button>"), html);
    }

    @Test
    void textFromBundlesIsEscaped() {
        RegistryRuntimeDTO dto = SampleRuntime.overridden();
        dto.failedServices[0].value = "<script>alert(1)</script>";

        String html = PageHtml.render(dto, 6, ROOT, "t0k3n", null);

        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>alert"), html);
    }

    @Test
    void anUnknownSelectedNameIsSaidSo() {
        String html = PageHtml.render(SampleRuntime.overridden(), 6, ROOT, "t0k3n", "<FLASH>");

        assertTrue(html.contains("&lt;FLASH&gt; is not known to the registry now."), html);
    }
}
