package org.lodestone.licensing;

import org.jspecify.annotations.Nullable;

/** Published when a licence is suspended, reinstated, revoked or found expired. */
public record LicenceStatusChanged(
        LicenceNumber licence,
        LicenceStatus from,
        LicenceStatus to,
        @Nullable String reason) {}
