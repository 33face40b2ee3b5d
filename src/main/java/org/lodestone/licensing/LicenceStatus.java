package org.lodestone.licensing;

/**
 * Where a licence stands. Only an {@link #ISSUED} licence in its validity period allows shipments. {@link #SUSPENDED}
 * can be reinstated; {@link #REVOKED}, {@link #EXPIRED} and {@link #EXHAUSTED} are final.
 */
public enum LicenceStatus {
    ISSUED,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    EXHAUSTED;

    public boolean isFinal() {
        return this == REVOKED || this == EXPIRED || this == EXHAUSTED;
    }
}
