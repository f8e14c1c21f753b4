package org.backendregistry.internal.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.attention.select.Candidate;
import org.backendregistry.attention.select.Device;
import org.backendregistry.attention.select.InvalidBackendChoiceException;
import org.backendregistry.attention.select.NoValidBackendException;
import org.junit.jupiter.api.Test;

class SelectionAnswerTest {

    static final List<Candidate> CPU_REFUSES_48 = List.of(
            new Candidate("CPU_ATTN", Optional.empty(), List.of("head_size not supported"), false),
            new Candidate("FLEX_ATTENTION", Optional.empty(), List.of("no provider"), false));

    /** A selector that rejects every config, as the CPU default rejects head_size=48. */
    static BackendSelector rejectingSelector() {
        return (BackendSelector) Proxy.newProxyInstance(SelectionAnswerTest.class.getClassLoader(),
                new Class<?>[] { BackendSelector.class }, (proxy, method, args) -> {
                    if ("select".equals(method.getName())) {
                        throw new NoValidBackendException(Device.CPU, (AttentionSelectorConfig) args[0],
                                CPU_REFUSES_48);
                    }
                    throw new AssertionError(method.getName() + " was not expected");
                });
    }

    /** A selector that records how it was asked and refuses every explicit choice as FLASH_ATTN refuses 48. */
    static BackendSelector explicitRefusingSelector(List<String> asked) {
        return (BackendSelector) Proxy.newProxyInstance(SelectionAnswerTest.class.getClassLoader(),
                new Class<?>[] { BackendSelector.class }, (proxy, method, args) -> {
                    if (!"select".equals(method.getName())) {
                        throw new AssertionError(method.getName() + " was not expected");
                    }
                    asked.add(args.length == 1 ? "select(config)" : "select(config, " + args[1] + ")");
                    if (args.length == 2 && !"auto".equals(args[1])) {
                        throw new InvalidBackendChoiceException((String) args[1], List.of("head_size not supported"));
                    }
                    throw new NoValidBackendException(Device.CPU, (AttentionSelectorConfig) args[0], CPU_REFUSES_48);
                });
    }

    @Test
    void theFilledFieldsBecomeTheRequestOfBackendSelectInTheFormsOrder() {
        Map<String, String> parameters = Map.of("dtype", "bfloat16", "head_size", " 48 ", "block_size", "",
                "use_mla", "false", "name", "FLASH_ATTN");

        assertEquals("head_size=48 dtype=bfloat16 use_mla=false", SelectionAnswer.request(parameters::get));
    }

    @Test
    void anExplicitChoiceComesLastAndAnEmptyOneIsLeftOut() {
        Map<String, String> chosen = Map.of("head_size", "48", "dtype", "bfloat16", "backend", " FLASH_ATTN ");
        Map<String, String> empty = Map.of("head_size", "48", "dtype", "bfloat16", "backend", "");

        assertEquals("head_size=48 dtype=bfloat16 backend=FLASH_ATTN", SelectionAnswer.request(chosen::get));
        assertEquals("head_size=48 dtype=bfloat16", SelectionAnswer.request(empty::get));
    }

    @Test
    void anExplicitChoiceThatDoesNotFitAnswersVllmsMessageAndIsNeverReplacedByAnother() {
        List<String> asked = new ArrayList<>();
        SelectionAnswer answer = SelectionAnswer.of(explicitRefusingSelector(asked),
                "head_size=48 dtype=bfloat16 backend=FLASH_ATTN");

        assertNull(answer.name());
        assertEquals("Selected backend FLASH_ATTN is not valid for this configuration. Reason: "
                + "['head_size not supported']", answer.failure());
        assertEquals(List.of("select(config, FLASH_ATTN)"), asked);
    }

    @Test
    void withoutAnExplicitChoiceTheSelectorChoosesAsItIsConfiguredAndAutoAsksForAutomaticSelection() {
        List<String> asked = new ArrayList<>();
        BackendSelector selector = explicitRefusingSelector(asked);

        SelectionAnswer.of(selector, "head_size=48 dtype=bfloat16");
        SelectionAnswer.of(selector, "head_size=48 dtype=bfloat16 backend=auto");

        assertEquals(List.of("select(config)", "select(config, auto)"), asked);
    }

    @Test
    void aRequestWithoutHeadSizeAsksNoSelection() {
        assertNull(SelectionAnswer.request(Map.of("name", "FLASH_ATTN")::get));
    }

    @Test
    void aRejectedRequestAnswersVllmsMessageAndEveryCandidatesReasons() {
        SelectionAnswer answer = SelectionAnswer.of(rejectingSelector(), "head_size=48 dtype=bfloat16");

        assertNull(answer.name());
        assertTrue(answer.failure().startsWith("No valid attention backend found for cpu with "
                + "AttentionSelectorConfig(head_size=48, dtype=torch.bfloat16"), answer.failure());
        assertEquals(CPU_REFUSES_48, answer.candidates());
    }

    @Test
    void aWrongArgumentIsAnsweredWithWhatIsExpected() {
        SelectionAnswer answer = SelectionAnswer.of(rejectingSelector(), "head_size=big dtype=bfloat16");

        assertEquals("head_size must be a whole number, not 'big'", answer.failure());
        assertEquals(List.of(), answer.candidates());
    }

    @Test
    void theJsonCarriesTheFailureAndEachCandidatesReasons() {
        String json = new SelectionAnswer("head_size=48 dtype=bfloat16", null, null, "No valid \"backend\"",
                CPU_REFUSES_48).json();

        assertEquals("{\"request\":\"head_size=48 dtype=bfloat16\",\"chosen\":null,\"provider\":null,"
                + "\"failure\":\"No valid \\\"backend\\\"\",\"candidates\":["
                + "{\"name\":\"CPU_ATTN\",\"provider\":null,\"chosen\":false,\"reasons\":[\"head_size not supported\"]},"
                + "{\"name\":\"FLEX_ATTENTION\",\"provider\":null,\"chosen\":false,\"reasons\":[\"no provider\"]}]}",
                json);
    }
}
