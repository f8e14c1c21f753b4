package org.backendregistry.internal.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A service as the core sees it: mutable properties and a source that counts gets and ungets. */
final class FakeService implements ServiceSource {

    private static long nextServiceId = 1;

    final long serviceId = nextServiceId++;
    final Map<String, Object> properties = new HashMap<>();
    private Supplier<Object> factory;
    int gets;
    int ungets;

    FakeService(Object object) {
        this.factory = () -> object;
    }

    static FakeService of(Object object, String name) {
        FakeService service = new FakeService(object);
        service.properties.put("backend.name", name);
        return service;
    }

    FakeService ranking(Object ranking) {
        properties.put("service.ranking", ranking);
        return this;
    }

    FakeService asDefault() {
        properties.put("backend.default", Boolean.TRUE);
        return this;
    }

    FakeService failingWith(Supplier<Object> failingFactory) {
        this.factory = failingFactory;
        return this;
    }

    int inUse() {
        return gets - ungets;
    }

    @Override
    public Object get() {
        Object object = factory.get();
        if (object != null) {
            gets++;
        }
        return object;
    }

    @Override
    public void unget() {
        ungets++;
    }
}
