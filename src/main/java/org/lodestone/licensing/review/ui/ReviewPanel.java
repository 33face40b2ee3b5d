package org.lodestone.licensing.review.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.UserContact;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceOnFile;
import org.lodestone.licensing.review.CaseFile;
import org.lodestone.licensing.review.InformationRequest;
import org.lodestone.licensing.review.RefusalReason;
import org.lodestone.licensing.review.RequestedItem;
import org.lodestone.licensing.review.ReviewProblem;
import org.lodestone.licensing.review.Reviews;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the review panel of the application page shows, computed by the fragment itself
 * ({@code ${@reviewPanel.view(app)}}), like the evidence panel: the case file as the caller may see it, and the
 * choices its forms offer (only those the caller's {@code mayAct} allows are looked up). Null before submission.
 */
@Component("reviewPanel")
public class ReviewPanel {

    /** Empty item rows offered by the information request form. */
    static final int REQUEST_ROWS = 3;

    private final Reviews reviews;
    private final EvidenceCatalogue evidence;

    ReviewPanel(Reviews reviews, EvidenceCatalogue evidence) {
        this.reviews = reviews;
        this.evidence = evidence;
    }

    public @Nullable View view(Application app) {
        if (app.state() == ApplicationState.DRAFT) {
            return null;
        }
        CaseFile file;
        try {
            file = reviews.caseFile(app.id());
        } catch (ReviewProblem p) {
            if (p.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return null; // withdrawn before submission, or not the caller's to see
            }
            throw p;
        }
        var may = file.mayAct();
        List<UserContact> reviewers = may.assign() ? reviews.assignableReviewers(app.id()) : List.of();
        List<OrganisationProfile> authorities = may.consult() ? reviews.consultableAuthorities(app.id()) : List.of();
        List<EvidenceOnFile> documents = may.respond() ? evidence.onFile(app.id()) : List.of();
        Optional<InformationRequest> open = file.informationRequests().stream()
                .filter(InformationRequest::isOpen)
                .findFirst();
        return new View(
                app,
                file,
                open.orElse(null),
                reviewers,
                authorities,
                documents,
                Arrays.asList(RequestedItem.Kind.values()),
                Arrays.asList(DocumentType.values()),
                Arrays.asList(RefusalReason.values()),
                REQUEST_ROWS);
    }

    /** What a requested item is about, in words: the party's or item's name, or the application. */
    public String target(View view, @Nullable String target) {
        if (target == null) {
            return "";
        }
        var c = view.app().content();
        for (var p : c.parties()) {
            if (p.id().toString().equals(target)) {
                return p.role() + " " + p.nameLatin();
            }
        }
        for (int i = 0; i < c.items().size(); i++) {
            if (c.items().get(i).id().toString().equals(target)) {
                return "item " + (i + 1) + " " + c.items().get(i).description();
            }
        }
        return target;
    }

    /** Filename of a document on file, for showing answers; the id when it is no longer on file. */
    public Map<String, String> filenames(Application app) {
        var names = new java.util.HashMap<String, String>();
        evidence.onFile(app.id()).forEach(e -> names.put(e.id().value().toString(), e.filename()));
        return names;
    }

    /** The map, or an empty one: the page's model has no review errors or posted form unless a form was refused. */
    public Map<String, String> orEmpty(@Nullable Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    public record View(
            Application app,
            CaseFile file,
            @Nullable InformationRequest openRequest,
            List<UserContact> reviewers,
            List<OrganisationProfile> authorities,
            List<EvidenceOnFile> documents,
            List<RequestedItem.Kind> kinds,
            List<DocumentType> documentTypes,
            List<RefusalReason> reasons,
            int requestRows) {

        public List<Integer> rows() {
            return java.util.stream.IntStream.rangeClosed(1, requestRows)
                    .boxed()
                    .toList();
        }
    }
}
