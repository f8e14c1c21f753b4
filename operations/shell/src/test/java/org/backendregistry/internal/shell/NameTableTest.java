package org.backendregistry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingReason;
import org.backendregistry.api.runtime.ProviderDTO;
import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void listsEachNameWithWhoServesItWhetherItIsOverriddenAndHowManyItShadows() {
        NameDTO flash = Dtos.flashAttn(Dtos.service(42, 17, "jvm.flash", "jvm.Flash", 0, false),
                Dtos.notServing(Dtos.service(12, 5, "cuda", "cuda.Flash", 0, true), NotServingReason.SHADOWED, 42, null));
        NameDTO custom = Dtos.attention("CUSTOM", null, null);
        NameDTO mamba2 = Dtos.attention("MAMBA2", "mamba.Mamba2", Dtos.service(30, 9, "mamba", "mamba.Mamba2", 0, true));
        mamba2.family = "mamba attention";

        List<String> lines = NameTable.format(List.of(flash, custom, mamba2));

        assertEquals(List.of(
                "NAME          SERVED BY            OVERRIDDEN  SHADOWED",
                "FLASH_ATTN    jvm.flash/jvm.Flash  yes         1",
                "CUSTOM        -                    no          0",
                "mamba:MAMBA2  mamba/mamba.Mamba2   no          0"),
                lines);
    }

    @Test
    void anEmptyViewIsJustTheHeader() {
        assertEquals(List.of("NAME  SERVED BY  OVERRIDDEN  SHADOWED"), NameTable.format(List.of()));
    }

    @Test
    void aProviderWhoseClassWasNeverObtainedShowsAQuestionMark() {
        NameDTO flash = Dtos.flashAttn(Dtos.service(42, 17, "b", null, 0, false));

        assertEquals("FLASH_ATTN  b/?        yes         0", NameTable.format(List.of(flash)).get(1));
    }

    @Test
    void anImportedProviderShowsItsEndpointAndFramework() {
        ProviderDTO imported = Dtos.importedFlashDefault("jdk.proxy3.$Proxy31");
        NameDTO flash = Dtos.flashAttn(imported);

        assertEquals("FLASH_ATTN  org.apache.aries.rsa.core/jdk.proxy3.$Proxy31 @ tcp://127.0.0.1:8201 "
                + "(framework 6f1c2f0e-a)  no          0", NameTable.format(List.of(flash)).get(1));
    }
}
