package org.lodestone.protection;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Protected data that cannot be released, as an RFC 9457 problem: 500 {@code integrity} when a ciphertext or wrapped
 * key fails its authentication tag (tampered or corrupted; nothing of it is released), 410 {@code destroyed} when the
 * scope's data key was destroyed (crypto-shredding: gone for good), 503 {@code key-unavailable} when the key provider
 * does not hold the key-encryption key a data key is wrapped under. Guarded by {@code ProtectionUnitTests}.
 */
public final class ProtectionProblem extends ErrorResponseException {

    public enum Kind {
        INTEGRITY,
        DESTROYED,
        KEY_UNAVAILABLE
    }

    private final Kind kind;

    private ProtectionProblem(
            Kind kind, HttpStatus status, String type, String title, String detail, @Nullable Throwable cause) {
        super(status, problem(status, type, title, detail), cause);
        this.kind = kind;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        return pd;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String getMessage() {
        String detail = getBody().getDetail();
        return detail == null ? super.getMessage() : detail;
    }

    public static ProtectionProblem integrity(Scope scope, String context, @Nullable Throwable cause) {
        return new ProtectionProblem(
                Kind.INTEGRITY,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "integrity",
                "Protected data failed its integrity check",
                "the stored " + context + " of " + scope + " failed its integrity check: it was altered or"
                        + " corrupted at rest (or copied from another place). Nothing of it was released; restore it"
                        + " from a backup.",
                cause);
    }

    public static ProtectionProblem destroyed(Scope scope, @Nullable Instant at) {
        var p = new ProtectionProblem(
                Kind.DESTROYED,
                HttpStatus.GONE,
                "destroyed",
                "Content destroyed",
                "the data key of " + scope + " was destroyed" + (at == null ? "" : " on " + at)
                        + " (crypto-shredding); its encrypted content is unrecoverable.",
                null);
        p.getBody().setProperty("scope", scope.value());
        return p;
    }

    public static ProtectionProblem keyUnavailable(Scope scope, String kekId, String location, @Nullable Throwable c) {
        return new ProtectionProblem(
                Kind.KEY_UNAVAILABLE,
                HttpStatus.SERVICE_UNAVAILABLE,
                "key-unavailable",
                "Encryption key unavailable",
                "the data key of " + scope + " is wrapped under key-encryption key " + kekId + ", which " + location
                        + " does not hold (see docs/operations.md, \"Keys and encryption at rest\").",
                c);
    }
}
