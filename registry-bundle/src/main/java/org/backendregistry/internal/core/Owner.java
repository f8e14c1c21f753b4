package org.backendregistry.internal.core;

/**
 * The bundle a provider comes from.
 *
 * @param bundleId     the bundle id
 * @param symbolicName the bundle symbolic name
 * @param version      the bundle version
 */
public record Owner(long bundleId, String symbolicName, String version) {
}
