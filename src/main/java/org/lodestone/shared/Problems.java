package org.lodestone.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 body every module's feature problem carries, built one way: a {@code urn:lodestone:problem:} type, a
 * title, a detail, and for invalid input the {@code errors} list naming each field and its reason, so API clients
 * read every module's errors alike.
 */
public final class Problems {

    private Problems() {}

    /** A field of the input and what is wrong with it. */
    public interface FieldReason {
        String field();

        String reason();
    }

    public static ProblemDetail of(
            HttpStatusCode status, String type, String title, String detail, List<? extends FieldReason> fields) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        if (!fields.isEmpty()) {
            pd.setProperty(
                    "errors",
                    fields.stream()
                            .map(f -> Map.of("field", f.field(), "reason", f.reason()))
                            .toList());
        }
        return pd;
    }

    /** "field: reason; field: reason", the detail of an invalid-input problem. */
    public static String summary(List<? extends FieldReason> fields) {
        return fields.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
    }
}
