package org.lodestone.licensing.redaction.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.redaction.Audience;
import org.lodestone.licensing.redaction.FieldRedactions;
import org.lodestone.licensing.redaction.SensitiveField;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What the field-redaction fragment on the application page shows, computed by the fragment itself: the marks for the
 * applicant's organisation (with the form while the application accepts evidence) and the competent authority (read
 * only); nothing for anyone else.
 */
@Component("fieldRedactionPanel")
public class FieldRedactionPanel {

    private final FieldRedactions fields;
    private final Evidence evidence;
    private final Identity identity;

    FieldRedactionPanel(FieldRedactions fields, Evidence evidence, Identity identity) {
        this.fields = fields;
        this.evidence = evidence;
        this.identity = identity;
    }

    public View view(Object applicationId) {
        var application = ApplicationId.of(applicationId.toString());
        CurrentUser user =
                identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        Map<SensitiveField, Set<Audience>> marks;
        try {
            marks = fields.marks(application, user);
        } catch (ErrorResponseException notForThisReader) {
            return new View(application.value(), false, false, List.of(), List.of(), Map.of());
        }
        return new View(
                application.value(),
                true,
                evidence.mayAttach(application, user),
                Arrays.asList(SensitiveField.values()),
                Arrays.asList(Audience.values()),
                marks);
    }

    public record View(
            UUID applicationId,
            boolean visible,
            boolean editable,
            List<SensitiveField> fields,
            List<Audience> audiences,
            Map<SensitiveField, Set<Audience>> marks) {

        public boolean marked(SensitiveField field, Audience audience) {
            return marks.getOrDefault(field, Set.of()).contains(audience);
        }
    }
}
