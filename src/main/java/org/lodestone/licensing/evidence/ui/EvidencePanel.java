package org.lodestone.licensing.evidence.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.Seal;
import org.lodestone.licensing.transparency.DocumentReading;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What the document list fragment shows, computed by the fragment itself ({@code ${@evidencePanel.view(id)}}), so any
 * page can include {@code ~{licensing/evidence/documents :: list(applicationId)}} without preparing a model.
 */
@Component("evidencePanel")
public class EvidencePanel {

    private final Evidence evidence;
    private final Identity identity;
    private final DocumentReading reading;

    EvidencePanel(Evidence evidence, Identity identity, DocumentReading reading) {
        this.evidence = evidence;
        this.identity = identity;
        this.reading = reading;
    }

    /** The fragment's model; {@code applicationId} may be a UUID, an {@code ApplicationId} or their text. */
    public View view(Object applicationId) {
        var application = ApplicationId.of(applicationId.toString());
        CurrentUser user =
                identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        Map<DocumentId, Seal> seals = evidence.seals(application, user);
        List<Row> rows = evidence.list(application, user).stream()
                .map(d -> Row.of(d, seals.get(d.id())))
                .toList();
        reading.listed(application, user); // #6: filenames and descriptions are sensitive too
        return new View(
                application.value(),
                rows,
                evidence.mayAttach(application, user),
                Arrays.asList(DocumentType.values()),
                size(evidence.maxBytes()));
    }

    /** Accepted content types of each document type, for the hint under the type selector. */
    public String accepted(DocumentType type) {
        return String.join(", ", evidence.acceptedTypes(type));
    }

    public record View(
            UUID applicationId, List<Row> documents, boolean mayAttach, List<DocumentType> types, String maxSize) {}

    /**
     * One document; {@code sealed} when the foreign party uploaded it (#6), {@code locked} when its name and content
     * are withheld from the viewer (the applicant's organisation): a lock instead of a link, and no remove button.
     */
    public record Row(EvidenceDocument document, String size, boolean sealed, boolean locked) {
        static Row of(EvidenceDocument d, @Nullable Seal seal) {
            return new Row(d, EvidencePanel.size(d.sizeBytes()), seal != null, seal != null && seal.locked());
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
