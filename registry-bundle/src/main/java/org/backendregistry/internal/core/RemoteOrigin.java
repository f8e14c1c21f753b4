package org.backendregistry.internal.core;

import java.util.function.Function;

/**
 * Where an imported service comes from, read from the standard Remote Services properties that the
 * importing framework's Remote Service Admin sets on it.
 *
 * @param frameworkUuid the exporting framework's {@code endpoint.framework.uuid}, or {@code null} when not given
 * @param endpointId    the {@code endpoint.id}, or {@code null} when not given
 */
public record RemoteOrigin(String frameworkUuid, String endpointId) {

    /** {@code org.osgi.service.remoteserviceadmin.RemoteConstants.SERVICE_IMPORTED}: set on every imported service. */
    static final String SERVICE_IMPORTED = "service.imported";
    static final String ENDPOINT_FRAMEWORK_UUID = "endpoint.framework.uuid";
    static final String ENDPOINT_ID = "endpoint.id";

    /**
     * @param property a service's properties
     * @return where it was imported from, or {@code null} for a local service; the Remote Services
     *         specification says any value of {@code service.imported} marks an import
     */
    public static RemoteOrigin read(Function<String, Object> property) {
        if (property.apply(SERVICE_IMPORTED) == null) {
            return null;
        }
        return new RemoteOrigin(text(property.apply(ENDPOINT_FRAMEWORK_UUID)), text(property.apply(ENDPOINT_ID)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "endpoint " + endpointId + " of framework " + frameworkUuid;
    }
}
