package org.backendregistry.internal.healthcheck;

import org.apache.felix.hc.api.Result;

/**
 * One line of the health check's result log.
 *
 * @param status  {@code OK} for information, {@code WARN} or {@code CRITICAL} for a problem
 * @param message what was found, naming the backend, service or bundle
 */
record Finding(Result.Status status, String message) {
}
