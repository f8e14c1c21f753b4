package org.backendregistry.internal.core;

import static org.backendregistry.attention.AttentionBackendId.FLASH_ATTN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.FailureReason;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.internal.core.TestBackends.DefaultImpl;
import org.backendregistry.internal.core.TestBackends.OverrideA;
import org.backendregistry.internal.core.TestBackends.Registered;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

/** What operators read when something is off: log lines and runtime view entries that name the culprit. */
class DiagnosticsTest extends CoreFixture {

    @Test
    void aRankingThatIsNotAnIntegerCountsAsZeroWithAWarningNamingTheService() {
        FakeService oddRanking = FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN").ranking("7");
        track(oddRanking);

        assertEquals(1, log.count("service " + oddRanking.serviceId + " of bundle com.example.plugin [9]: "
                + "service.ranking='7' (String) is not an Integer and counts as 0"), log.messages.toString());
        assertEquals(OverrideA.class.getName(), path(FLASH_ATTN));
    }

    @Test
    void aProviderThatCannotBeObtainedIsNamedWithItsKindServiceIdAndBundle() {
        FakeService broken = FakeService.of(null, "FLASH_ATTN").failingWith(() -> null);
        track(broken);

        assertEquals(1, log.count("Cannot obtain the FLASH_ATTN provider override service " + broken.serviceId
                + " of bundle com.example.plugin [9]: getService returned null; the next provider serves"),
                log.messages.toString());
    }

    @Test
    void aDefaultShadowedByARegistrationNamesTheRegistration() {
        track(AttentionBackendId.FAMILY, FakeService.of(new DefaultImpl("FLASH_ATTN"), "FLASH_ATTN").asDefault(),
                DEFAULTS);
        core.register(FLASH_ATTN, new Registered(), PLUGIN);

        NameDTO flash = name("FLASH_ATTN");

        assertEquals(NotServingReason.SHADOWED, flash.notServing[0].reason);
        assertTrue(flash.notServing[0].detail.startsWith("shadowed by registration ")
                && flash.notServing[0].detail.endsWith("registration 1 of bundle com.example.plugin [9]"),
                flash.notServing[0].detail);
    }

    @Test
    void aServiceThatIsNotAProviderIsTheOnlyFailureListedWithItsValue() {
        FakeService unnamed = new FakeService(new OverrideA("X"));
        FakeService badDefault = FakeService.of(new OverrideA("X"), "FLASH_ATTN");
        badDefault.properties.put("backend.default", "yes");
        track(unnamed);
        track(badDefault);
        track(FakeService.of(new OverrideA("FLASH_ATTN"), "FLASH_ATTN"));

        FailedServiceDTO[] failures = new RuntimeView(core).snapshot().failedServices;

        assertEquals(2, failures.length, Arrays.toString(failures));
        assertEquals(FailureReason.INVALID_NAME, failures[0].reason);
        assertEquals("(missing)", failures[0].value);
        assertEquals(FailureReason.INVALID_PROPERTY, failures[1].reason);
        assertEquals("backend.default='yes' (String) must be a Boolean (true marks a default implementation)",
                failures[1].detail);
    }

    @Test
    void aProviderThatNeverServesAnnouncesNoChange() {
        track(FakeService.of(null, "CUSTOM").failingWith(() -> null));

        assertEquals(List.of(), changes);
    }

    @Test
    void pluginNamesAreListedAfterTheCatalogInAlphabeticalOrder() {
        List<String> plugins = List.of("ZED_KERNEL", "MY_KERNEL", "ALPHA_KERNEL", "BETA_KERNEL");
        for (String plugin : plugins) {
            core.register(AttentionBackendId.FAMILY.id(plugin), new Registered(), PLUGIN);
        }

        List<BackendId<AttentionBackend>> names = core.lookups().names(AttentionBackendId.FAMILY);

        int catalogSize = AttentionBackendId.values().length;
        assertEquals(List.of(AttentionBackendId.values()), names.subList(0, catalogSize));
        assertEquals(List.of("ALPHA_KERNEL", "BETA_KERNEL", "MY_KERNEL", "ZED_KERNEL"),
                names.subList(catalogSize, names.size()).stream().map(BackendId::name).toList());
    }

    @Test
    void deprecatedNamesWarnNothingWhileTheOperatorTurnedTheWarningsOff() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger registryLog = java.util.logging.Logger.getLogger("org.backendregistry");
        registryLog.addHandler(handler);
        try {
            configure(Map.of("deprecation.warnings", false));

            assertEquals(AttentionBackendId.TORCH_SDPA, core.lookups().lookup(AttentionBackendId.FAMILY, "TORCH_SDPA_VLLM_V1"));
            assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList());
        } finally {
            configure(Map.of()); // the warning switch is shared by every registry of the family
            registryLog.removeHandler(handler);
        }
    }

    private void configure(Map<String, ?> properties) {
        core.configure(RegistryConfiguration.read(properties, List.of(AttentionBackendId.FAMILY, MambaBackendId.FAMILY)));
    }

    private NameDTO name(String name) {
        return Arrays.stream(new RuntimeView(core).snapshot().names).filter(dto -> dto.name.equals(name)).findFirst()
                .orElseThrow();
    }
}
