/**
 * REST API of evidence documents: multipart upload and listing under an application, metadata, streamed download and
 * soft removal; and the endpoint policy naming who may call them.
 */
@NullMarked
package org.lodestone.licensing.evidence.http;

import org.jspecify.annotations.NullMarked;
