package org.lodestone.licensing.redaction;

import java.util.List;
import java.util.Set;

/**
 * What the applicant asks: search terms (every occurrence on every page), areas, the audiences who read the redacted
 * copy instead of the original, and whether the original is kept (sealed for the competent authority) or superseded.
 */
public record RedactionRequest(List<String> terms, List<Area> areas, Set<Audience> audiences, boolean keepOriginal) {

    public RedactionRequest {
        terms = List.copyOf(terms);
        areas = List.copyOf(areas);
        audiences = Set.copyOf(audiences);
    }
}
