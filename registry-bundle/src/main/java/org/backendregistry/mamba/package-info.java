/**
 * The mamba family: the {@link org.backendregistry.mamba.MambaBackend} SPI, the
 * {@link org.backendregistry.mamba.MambaBackendId} catalog and the map from model mamba types to names.
 */
@Export
@Version("1.0.0")
package org.backendregistry.mamba;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
