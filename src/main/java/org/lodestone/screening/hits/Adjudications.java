package org.lodestone.screening.hits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.hits.store.HitStore;
import org.lodestone.screening.index.LiveIndex;
import org.lodestone.screening.lists.EntryDetails;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading and adjudicating hits. Who sees a hit: REVIEWERs, SUPERVISORs and ENFORCEMENT staff of the subject's
 * authority (competent authority of the application, issuing authority of the licence), and ENFORCEMENT staff of a
 * national authority (all hits). Who decides: a REVIEWER of the subject's authority. Anyone else gets 404 for a hit, as
 * if it did not exist. Every decision is audited in its transaction.
 */
@Component
public class Adjudications {

    static final int MIN_RATIONALE = 10;
    static final int MAX_RATIONALE = 4000;

    private final HitStore store;
    private final LiveIndex index;
    private final Identity identity;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    Adjudications(
            HitStore store,
            LiveIndex index,
            Identity identity,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.index = index;
        this.identity = identity;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A hit with the entry as its list holds it now (null once the entry left its list). */
    public record HitView(Hit hit, @Nullable EntryDetails entry, boolean mayAdjudicate) {}

    public record Page(List<HitView> items, int page, int size, long total) {}

    /**
     * Hits the caller may see.
     *
     * @param state null for every state
     * @param subject an application's or licence's id, or null
     */
    public Page list(@Nullable HitState state, @Nullable UUID subject, int page, int size) {
        CurrentUser user = user();
        List<ScreeningProblem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new ScreeningProblem.FieldError("page", "must not be negative"));
        }
        if (size < 1 || size > 200) {
            errors.add(new ScreeningProblem.FieldError("size", "must be 1 to 200"));
        }
        if (!errors.isEmpty()) {
            throw ScreeningProblem.invalid(errors);
        }
        if (!mayRead(user)) {
            throw new AccessDeniedException("screening hits are for REVIEWERs, SUPERVISORs and ENFORCEMENT");
        }
        var authority = nationalOversight(user) ? null : user.organisationId();
        List<HitView> items = store.list(state, authority, subject, page * size, size).stream()
                .map(h -> view(h, user))
                .toList();
        return new Page(items, page, size, store.count(state, authority, subject));
    }

    public HitView get(UUID id) {
        CurrentUser user = user();
        Hit h = store.find(id).filter(x -> canRead(user, x)).orElseThrow(() -> notFound(id));
        return view(h, user);
    }

    /**
     * Records a REVIEWER's decision on an OPEN hit at the version read.
     *
     * @throws ScreeningProblem 404 unknown or not the caller's to decide, 422 bad decision or rationale, 409 already
     *     decided or changed since read
     */
    public HitView adjudicate(UUID id, @Nullable String decision, @Nullable String rationale, @Nullable Long version) {
        CurrentUser user = user();
        return tx.execute(s -> {
            Hit h = store.find(id).filter(x -> mayAdjudicate(user, x)).orElseThrow(() -> notFound(id));
            List<ScreeningProblem.FieldError> errors = new ArrayList<>();
            HitState state = null;
            if (decision == null || decision.isBlank()) {
                errors.add(new ScreeningProblem.FieldError("decision", "is required: TRUE_MATCH or FALSE_POSITIVE"));
            } else {
                String d = decision.strip().toUpperCase(Locale.ROOT);
                if (d.equals("TRUE_MATCH")) {
                    state = HitState.TRUE_MATCH;
                } else if (d.equals("FALSE_POSITIVE")) {
                    state = HitState.FALSE_POSITIVE;
                } else {
                    errors.add(new ScreeningProblem.FieldError(
                            "decision", "'" + printable(decision) + "' is neither TRUE_MATCH nor FALSE_POSITIVE"));
                }
            }
            String text = rationale == null ? "" : rationale.strip();
            if (text.length() < MIN_RATIONALE) {
                errors.add(new ScreeningProblem.FieldError(
                        "rationale", "is required: at least " + MIN_RATIONALE + " characters saying why"));
            } else if (text.length() > MAX_RATIONALE) {
                errors.add(new ScreeningProblem.FieldError(
                        "rationale", "must be at most " + MAX_RATIONALE + " characters"));
            } else if (text.codePoints()
                    .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                errors.add(new ScreeningProblem.FieldError("rationale", "must not contain control characters"));
            }
            if (version == null) {
                errors.add(new ScreeningProblem.FieldError("version", "is required: the hit's version you read"));
            }
            if (!errors.isEmpty() || state == null || version == null) {
                throw ScreeningProblem.invalid(errors);
            }
            if (h.state() != HitState.OPEN) {
                throw ScreeningProblem.conflict("Hit " + id + " is " + h.state() + " already"
                        + (h.adjudicatedBy() == null ? "" : " (decided by " + h.adjudicatedBy() + ")") + ".");
            }
            Instant now = Instant.now();
            if (!store.adjudicate(id, state, user.username(), now, text, version)) {
                throw ScreeningProblem.conflict("Hit " + id + " changed since you read version " + version + " (now "
                        + h.version() + "); reload and decide again.");
            }
            audit.record(AuditRecord.success("SCREENING_HIT_ADJUDICATED", "SCREENING_HIT", id.toString())
                    .withDetail(state + " by " + user.username() + " on " + h.subjectKind() + " "
                            + h.subjectReference() + ", " + h.partyRole() + " " + h.partyKey() + " ~ "
                            + h.listCode() + "/" + h.entryId() + " (score " + h.score() + "): " + text));
            if (state == HitState.TRUE_MATCH && h.subjectKind() == ScreeningSubject.Kind.LICENCE) {
                // Never suspend silently: the issuing authority's SUPERVISORs decide, enforcement follows it up.
                audit.record(AuditRecord.success("SCREENING_TRUE_MATCH_ON_LICENCE", "LICENCE", h.subjectReference())
                        .withDetail(h.partyRole() + " " + h.partyKey() + " of live licence " + h.subjectReference()
                                + " confirmed as restricted (" + h.listCode() + "/" + h.entryId()
                                + "): for the SUPERVISORs and ENFORCEMENT to act on"));
            }
            return view(store.find(id).orElseThrow(), user);
        });
    }

    private HitView view(Hit h, CurrentUser user) {
        return new HitView(h, index.details(h.listCode(), h.entryId()).orElse(null), mayAdjudicate(user, h));
    }

    static boolean mayRead(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT));
    }

    static boolean canRead(CurrentUser user, Hit h) {
        if (!mayRead(user)) {
            return false;
        }
        return nationalOversight(user) || user.organisationId().equals(h.authority());
    }

    static boolean mayAdjudicate(CurrentUser user, Hit h) {
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && user.has(Role.REVIEWER)
                && user.organisationId().equals(h.authority());
    }

    /** ENFORCEMENT of a national authority (jurisdiction is a country code) oversees every authority's hits. */
    static boolean nationalOversight(CurrentUser user) {
        String j = user.jurisdiction();
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && j != null
                && j.length() == 2
                && user.has(Role.ENFORCEMENT);
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    private static ScreeningProblem notFound(UUID id) {
        return ScreeningProblem.notFound("No screening hit " + id + ".");
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
