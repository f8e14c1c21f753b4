/**
 * The attention family: the {@link org.backendregistry.attention.AttentionBackend} SPI that backend
 * bundles implement, the {@link org.backendregistry.attention.AttentionBackendId} catalog, and the
 * attention problem they compute.
 */
@Export
@Version("1.1.0")
package org.backendregistry.attention;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
