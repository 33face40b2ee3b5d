package org.lodestone.licensing.application.http;

import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.application.ApplicationProblem;

/** The version a change of an application is based on, as licensing's APIs accept it. */
public final class IfMatch {

    private IfMatch() {}

    /** If-Match ("3", W/"3" or 3) wins over the body's version; null when neither is given; 422 when unreadable. */
    public static @Nullable Long version(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApplicationProblem.invalid("If-Match", "'" + ifMatch + "' is not a version number");
            }
        }
        return bodyVersion;
    }
}
