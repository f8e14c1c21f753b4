package org.backendregistry.internal.webconsole;

import java.util.Iterator;
import java.util.List;

import org.backendregistry.api.runtime.FailedServiceDTO;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.NotServingDTO;
import org.backendregistry.api.runtime.ProviderDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;

/**
 * The runtime DTO as JSON for {@code backends.json}: field names as in the DTO classes, so a script reads the
 * same words as the Java API. Written by hand, because the bundle should need no JSON library.
 */
final class RuntimeJson {

    private final StringBuilder out = new StringBuilder(4096);

    private RuntimeJson() {
    }

    /** @return the whole state, with the runtime service's {@code service.changecount} */
    static String of(RegistryRuntimeDTO dto, long changeCount) {
        return of(dto, changeCount, null);
    }

    /**
     * @param device the selector's device, or {@code null} when no selector runs (then the JSON has no {@code device})
     * @return the whole state, with the runtime service's {@code service.changecount}
     */
    static String of(RegistryRuntimeDTO dto, long changeCount, DeviceView device) {
        RuntimeJson json = new RuntimeJson();
        json.out.append("{\"generation\":").append(dto.generation).append(",\"changecount\":").append(changeCount)
                .append(",\"changed\":true");
        if (device != null) {
            json.out.append(",\"device\":").append(device.json());
        }
        json.out.append(",\"names\":[");
        json.each(Dtos.names(dto), json::name);
        json.out.append("],\"failedServices\":[");
        json.each(Dtos.list(dto.failedServices), json::failed);
        json.out.append("],\"configurationProblems\":[");
        json.each(Dtos.list(dto.configurationProblems), json::string);
        return json.out.append("]}").toString();
    }

    /** @return the answer to {@code ?since=N} when nothing changed since change count N */
    static String unchanged(long generation, long changeCount) {
        return "{\"generation\":" + generation + ",\"changecount\":" + changeCount + ",\"changed\":false}";
    }

    private void name(NameDTO name) {
        out.append("{\"key\":");
        string(NameKey.of(name));
        field("family", name.family);
        field("name", name.name);
        out.append(",\"catalog\":").append(name.catalog);
        field("defaultClassName", name.defaultClassName);
        out.append(",\"overridden\":").append(name.overridden);
        field("pin", name.pin);
        field("problem", name.problem);
        out.append(",\"serving\":");
        if (name.serving == null) {
            out.append("null");
        } else {
            provider(name.serving);
        }
        out.append(",\"notServing\":[");
        each(Dtos.list(name.notServing), this::notServing);
        out.append("]}");
    }

    private void notServing(NotServingDTO loser) {
        out.append("{\"reason\":");
        string(loser.reason == null ? null : loser.reason.name());
        out.append(",\"servedInstead\":").append(loser.servedInstead);
        field("detail", loser.detail);
        out.append(",\"provider\":");
        provider(loser.provider);
        out.append('}');
    }

    private void provider(ProviderDTO p) {
        out.append("{\"origin\":");
        string(p.origin);
        out.append(",\"id\":").append(p.id).append(",\"bundleId\":").append(p.bundleId);
        field("bundleSymbolicName", p.bundleSymbolicName);
        field("bundleVersion", p.bundleVersion);
        out.append(",\"ranking\":").append(p.ranking).append(",\"isDefault\":").append(p.isDefault);
        field("className", p.className);
        out.append(",\"failureCount\":").append(p.failureCount).append(",\"lastFailureTime\":")
                .append(p.lastFailureTime).append('}');
    }

    private void failed(FailedServiceDTO f) {
        out.append("{\"family\":");
        string(f.family);
        out.append(",\"serviceId\":").append(f.serviceId).append(",\"bundleId\":").append(f.bundleId);
        field("bundleSymbolicName", f.bundleSymbolicName);
        field("reason", f.reason == null ? null : f.reason.name());
        field("value", f.value);
        field("detail", f.detail);
        out.append('}');
    }

    private void field(String key, String value) {
        out.append(",\"").append(key).append("\":");
        string(value);
    }

    private <T> void each(List<T> items, java.util.function.Consumer<T> writer) {
        for (Iterator<T> it = items.iterator(); it.hasNext();) {
            writer.accept(it.next());
            if (it.hasNext()) {
                out.append(',');
            }
        }
    }

    /** @return {@code value} as a JSON string, {@code null} as {@code null} */
    static String quote(String value) {
        RuntimeJson json = new RuntimeJson();
        json.string(value);
        return json.out.toString();
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' escaped so that the JSON can never close a script element it is embedded in
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
