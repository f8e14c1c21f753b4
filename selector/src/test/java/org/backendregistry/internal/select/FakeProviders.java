package org.backendregistry.internal.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.backendregistry.api.BackendCapabilities;
import org.backendregistry.api.BackendLease;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendProvider.Origin;
import org.backendregistry.api.Platform;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;

/** A registry in a map: names to providers, a generation that counts changes, and unserved reasons. */
final class FakeProviders implements ProviderView {

    final AtomicLong generation = new AtomicLong();
    final Map<String, Serving> serving = new HashMap<>();
    final Map<String, String> notServed = new HashMap<>();
    final List<String> plugins = new ArrayList<>();
    int lookups;
    int openLeases;
    private long nextId = 100;

    /** Serves {@code name} with a default-like provider of these capabilities. */
    FakeProviders serve(String name, BackendCapabilities capabilities) {
        BackendProvider provider = new BackendProvider(Origin.SERVICE, nextId++, 7, "test.bundle." + name.toLowerCase(),
                "1.0.0", 0, true, "test." + name);
        serving.put(name, new Serving(provider, backend(name, capabilities)));
        if (!catalog(name) && !plugins.contains(name)) {
            plugins.add(name);
        }
        generation.incrementAndGet();
        return this;
    }

    FakeProviders withdraw(String name) {
        serving.remove(name);
        plugins.remove(name);
        generation.incrementAndGet();
        return this;
    }

    static BackendCapabilities.Builder cuda() {
        return BackendCapabilities.builder(Platform.CUDA);
    }

    static AttentionBackend backend(String name, BackendCapabilities capabilities) {
        return new AttentionBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BackendCapabilities capabilities() {
                return capabilities;
            }

            @Override
            public float[] compute(AttentionInput input) {
                throw capabilities.platform().unavailable(name);
            }
        };
    }

    private static boolean catalog(String name) {
        return AttentionBackendId.FAMILY.catalogNames().contains(name);
    }

    @Override
    public Serving serving(String name) {
        lookups++;
        if (!catalog(name) && !plugins.contains(name) && !serving.containsKey(name)) {
            throw new IllegalArgumentException("Unknown attention backend: '" + name + "'.");
        }
        return serving.get(name);
    }

    @Override
    public String notServed(String name) {
        return notServed.getOrDefault(name, "no provider");
    }

    @Override
    public BackendLease<AttentionBackend> lease(String name) {
        Serving now = serving.get(name);
        if (now == null) {
            throw new IllegalStateException("No provider serves " + name);
        }
        openLeases++;
        return new BackendLease<>() {
            private boolean closed;

            @Override
            public AttentionBackend backend() {
                return now.backend();
            }

            @Override
            public BackendProvider provider() {
                return now.provider();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openLeases--;
                }
            }
        };
    }

    @Override
    public List<String> pluginNames() {
        return List.copyOf(plugins);
    }
}
