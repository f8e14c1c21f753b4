package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.NoValidBackendException;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionRequest;
import org.junit.jupiter.api.Test;

class SelectCommandsTest {

    private static final AttentionSelectorConfig CONFIG = AttentionSelectorConfig.builder(128, "bfloat16").blockSize(16)
            .useMla(true).build();

    @Test
    void argumentsUseVllmsFieldNames() {
        SelectionRequest parsed = SelectionRequest.parse("head_size=128", "dtype=bfloat16", "block_size=16",
                "use_mla=true", "attn_type=decoder", "backend=FLASHMLA");

        assertEquals(CONFIG, parsed.config());
        assertEquals("FLASHMLA", parsed.backend());
    }

    @Test
    void aWrongArgumentIsNamedWithWhatIsExpected() {
        assertEquals("Unknown key 'heads'; keys: " + SelectionRequest.KEYS, assertThrows(IllegalArgumentException.class,
                () -> SelectionRequest.parse("head_size=64", "dtype=float16", "heads=8")).getMessage());
        assertEquals("use_mla must be true or false, not 'yes'", assertThrows(IllegalArgumentException.class,
                () -> SelectionRequest.parse("head_size=64", "dtype=float16", "use_mla=yes")).getMessage());
        assertEquals("head_size and dtype are required, e.g. backend:select head_size=128 dtype=bfloat16; keys: "
                + SelectionRequest.KEYS, assertThrows(IllegalArgumentException.class,
                        () -> SelectionRequest.parse("block_size=16")).getMessage());
    }

    @Test
    void aChoiceIsPrintedWithEveryCandidate() {
        BackendProvider provider = new BackendProvider(BackendProvider.Origin.SERVICE, 18, 21,
                "org.backendregistry.backends.cuda", "1.0.0", 0, true, "org.backendregistry.backends.cuda.FlashMLABackend");
        Selection selection = new Selection(CONFIG, Device.CPU, "FLASHMLA", provider, backend(), List.of(
                new Candidate("FLASH_ATTN_MLA", Optional.empty(), List.of("no provider"), false),
                new Candidate("FLASHMLA", Optional.of(provider), List.of(), true)), false);

        assertEquals("FLASHMLA is chosen: " + provider + ", for cpu with " + CONFIG + "." + System.lineSeparator()
                + "  FLASH_ATTN_MLA: [no provider]" + System.lineSeparator() + "  FLASHMLA: chosen",
                SelectionReport.chosen(selection));
    }

    @Test
    void aFailureIsVllmsMessageThenEveryCandidate() {
        NoValidBackendException failure = new NoValidBackendException(Device.CPU, CONFIG, List.of(
                new Candidate("CPU_ATTN", Optional.empty(), List.of("no provider"), false)));

        assertEquals("No valid attention backend found for cpu with " + CONFIG + ". Reasons: {CPU_ATTN: [no provider]}."
                + System.lineSeparator() + "  CPU_ATTN: [no provider]", SelectionReport.failed(failure));
    }

    @Test
    void withoutTheSelectorTheCommandSaysHowToGetIt() {
        assertEquals(SelectionReport.NO_SELECTOR, new SelectCommands().selectText("head_size=64", "dtype=float16"));
    }

    private static AttentionBackend backend() {
        return new AttentionBackend() {
            @Override
            public String name() {
                return "FLASHMLA";
            }

            @Override
            public BackendCapabilities capabilities() {
                return BackendCapabilities.builder(Platform.CUDA).build();
            }

            @Override
            public float[] compute(AttentionInput input) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
