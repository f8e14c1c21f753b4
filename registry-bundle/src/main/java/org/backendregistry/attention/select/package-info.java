/**
 * Choosing an attention backend, as vLLM's selector does, over the live providers: the request
 * ({@link org.backendregistry.attention.select.AttentionSelectorConfig}), the device selected for, the
 * {@link org.backendregistry.attention.select.BackendSelector} service and the answer it gives.
 */
@Export
@Version("1.1.0")
package org.backendregistry.attention.select;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
