package org.backendregistry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.mamba.MambaBackend;
import org.backendregistry.mamba.MambaBackendId;
import org.junit.jupiter.api.Test;

/** The families are fixed: no other bundle defines one, redefines one, or picks the index the registry uses. */
class FamilyDefinitionTest {

    private static final String FIXED = "Backend families are fixed: attention (org.backendregistry.attention."
            + "AttentionBackendId), mamba attention (org.backendregistry.mamba.MambaBackendId). ";

    @Test
    void theFamiliesHaveTheirFixedNamesAndIndices() {
        assertEquals(List.of("attention", "mamba attention"),
                List.of(AttentionBackendId.FAMILY.displayName(), MambaBackendId.FAMILY.displayName()));
        assertEquals(List.of(0, 1), List.of(AttentionBackendId.FAMILY.index(), MambaBackendId.FAMILY.index()));
        assertEquals(List.of(AttentionBackendId.values()), AttentionBackendId.FAMILY.catalog());
    }

    @Test
    void aRegistryCatalogsFamilyCannotBeDefinedAgainFromOutside() {
        IllegalArgumentException attention = assertThrows(IllegalArgumentException.class,
                () -> BackendFamily.define(AttentionBackendId.class, AttentionBackend.class, Map.of()));
        IllegalArgumentException mamba = assertThrows(IllegalArgumentException.class,
                () -> BackendFamily.define(MambaBackendId.class, MambaBackend.class, Map.of("MAMBA", "MAMBA2")));

        assertEquals("AttentionBackendId.FAMILY is defined once, by AttentionBackendId itself: use "
                + "AttentionBackendId.FAMILY.", attention.getMessage());
        assertEquals("MambaBackendId.FAMILY is defined once, by MambaBackendId itself: use MambaBackendId.FAMILY.",
                mamba.getMessage());
    }

    @Test
    void aCatalogOfAnotherBundleCannotDefineAFamily() {
        ExceptionInInitializerError error = assertThrows(ExceptionInInitializerError.class, ForeignCatalog::values);

        assertInstanceOf(IllegalArgumentException.class, error.getCause());
        assertEquals(FIXED + ForeignCatalog.class.getName() + " cannot define another; a plugin backend needs no "
                + "family of its own: name it with AttentionBackendId.FAMILY.id(\"MY_KERNEL\").",
                error.getCause().getMessage());
    }

    @Test
    void aCopyOfARegistryCatalogLoadedByAnotherBundleCannotDefineAFamily() {
        ExceptionInInitializerError error = assertThrows(ExceptionInInitializerError.class,
                () -> Class.forName(AttentionBackendId.class.getName(), true, new CatalogCopyLoader()));

        assertInstanceOf(IllegalArgumentException.class, error.getCause());
        assertEquals("Backend families are fixed: this copy of org.backendregistry.attention.AttentionBackendId was "
                + "not loaded by the registry bundle and cannot define a family; import the package "
                + "org.backendregistry.attention instead of embedding it.", error.getCause().getMessage());
    }

    /** A catalog of another bundle's making, trying to join the registry's families. */
    enum ForeignCatalog implements BackendId<AttentionBackend> {
        MY_KERNEL;

        static final BackendFamily<AttentionBackend> FAMILY = BackendFamily.define(ForeignCatalog.class,
                AttentionBackend.class, Map.of());

        @Override
        public BackendFamily<AttentionBackend> family() {
            return FAMILY;
        }

        @Override
        public Optional<String> defaultClassName() {
            return Optional.empty();
        }

        @Override
        public boolean isCatalog() {
            return true;
        }
    }

    /** Loads its own copy of the attention catalog, as a bundle that embeds the package would. */
    private static final class CatalogCopyLoader extends ClassLoader {

        CatalogCopyLoader() {
            super(FamilyDefinitionTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(AttentionBackendId.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> copy = findLoadedClass(name);
                if (copy == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        copy = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return copy;
            }
        }
    }
}
