package org.lodestone.licensing.redaction;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.ContentRedaction;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.Production;
import org.lodestone.licensing.application.Snapshots;
import org.lodestone.licensing.redaction.store.RedactionStore;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole fields redacted for audiences. The applicant's organisation marks them while the application accepts evidence;
 * every application and revision the applications hand out passes through {@link #view} and {@link #viewRevision}, so
 * a reader in a marked audience reads {@value #REDACTED} wherever the value would be (API, pages, review case file,
 * revisions and their diffs). The applicant and the competent authority read the values. Guarded by
 * {@code RedactionAuthorizationMatrixTests} and {@code FieldRedactionUnitTests}.
 */
public class FieldRedactions implements ContentRedaction {

    public static final String REDACTED = "[redacted]";

    private final RedactionStore store;
    private final Readers readers;
    private final ApplicationAccess access;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    FieldRedactions(
            RedactionStore store,
            Readers readers,
            ApplicationAccess access,
            AuditTrail audit,
            TransactionOperations transactions,
            Clock clock) {
        this.store = store;
        this.readers = readers;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The marks of the application: for the applicant's organisation and the competent authority (others 404). */
    public Map<SensitiveField, Set<Audience>> marks(ApplicationId application, CurrentUser user) {
        ApplicationSummary app = access.require(application, user, ApplicationAccess.Action.READ);
        if (!Readers.isOwnerOrAuthority(app, user)) {
            throw RedactionProblem.notFound("No application " + application + " that you may see.");
        }
        return store.fields(application);
    }

    /** Checks that the user may change the marks now (404, 403, 409), before the adapters read the request. */
    public void authorise(ApplicationId application, CurrentUser user) {
        access.require(application, user, ApplicationAccess.Action.ATTACH_EVIDENCE);
    }

    /**
     * Replaces the marks, by the applicant's organisation while the application accepts evidence. Audited as
     * {@code FIELD_REDACTION_CHANGED} with the fields and audiences (names of fields, never values).
     */
    public Map<SensitiveField, Set<Audience>> mark(
            ApplicationId application, Map<SensitiveField, Set<Audience>> marks, CurrentUser user) {
        access.require(application, user, ApplicationAccess.Action.ATTACH_EVIDENCE);
        Map<SensitiveField, Set<Audience>> kept = new EnumMap<>(SensitiveField.class);
        marks.forEach((field, audiences) -> {
            if (!audiences.isEmpty()) {
                kept.put(field, EnumSet.copyOf(audiences));
            }
        });
        transactions.executeWithoutResult(tx -> {
            store.replaceFields(application, kept, user.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.record(AuditRecord.success("FIELD_REDACTION_CHANGED", "APPLICATION", application.toString())
                    .withDetail(kept.isEmpty() ? "no field redacted" : describe(kept))
                    .by(new AuditActor(
                            user.username(), user.organisationId().value().toString())));
        });
        return store.fields(application);
    }

    /** The fields redacted for the reader; empty for the applicant and the competent authority. */
    Set<SensitiveField> redactedFor(ApplicationSummary application, CurrentUser user) {
        if (Readers.isOwnerOrAuthority(application, user)) {
            return Set.of();
        }
        Map<SensitiveField, Set<Audience>> marks = store.fields(application.id());
        if (marks.isEmpty()) {
            return Set.of();
        }
        Set<Audience> audiences = readers.audiences(application, user);
        Set<SensitiveField> result = EnumSet.noneOf(SensitiveField.class);
        marks.forEach((field, marked) -> {
            if (marked.stream().anyMatch(audiences::contains)) {
                result.add(field);
            }
        });
        return result;
    }

    @Override
    public ApplicationContent view(Application application, ApplicationContent content, CurrentUser user) {
        Set<SensitiveField> fields = redactedFor(application.summary(), user);
        return fields.isEmpty() ? content : redact(content, fields);
    }

    @Override
    public String viewRevision(Application application, CurrentUser user, String json) {
        Set<SensitiveField> fields = redactedFor(application.summary(), user);
        return fields.isEmpty() ? json : redactJson(json, fields);
    }

    /** The content with the fields replaced; text that is empty stays empty (there is nothing to hide). */
    static ApplicationContent redact(ApplicationContent c, Set<SensitiveField> fields) {
        BusinessRelationship r = c.relationship();
        if (fields.contains(SensitiveField.RELATIONSHIP_NOTES)) {
            r = new BusinessRelationship(r.since(), r.volumes(), hide(r.notes()));
        }
        if (fields.contains(SensitiveField.BUSINESS_HISTORY)) {
            r = new BusinessRelationship(null, List.of(), r.notes());
        }
        Production p = c.production();
        p = new Production(
                fields.contains(SensitiveField.PRODUCTION_DESCRIPTION) ? hide(p.description()) : p.description(),
                fields.contains(SensitiveField.PRODUCTION_PROCESS) ? hide(p.process()) : p.process(),
                fields.contains(SensitiveField.PRODUCTION_SITE) ? hide(p.site()) : p.site());
        EndUse e = c.endUse();
        if (fields.contains(SensitiveField.END_USE_STATEMENT)) {
            e = new EndUse(e.sector(), e.finalProduct(), hide(e.statement()));
        }
        List<Party> parties = new ArrayList<>();
        for (Party party : c.parties()) {
            Party.Contact contact = party.contact();
            if (fields.contains(SensitiveField.PARTY_CONTACTS) && contact != null) {
                contact = new Party.Contact(hide(contact.name()), hide(contact.email()), hide(contact.phone()));
            }
            String address = fields.contains(SensitiveField.PARTY_ADDRESSES)
                            && !party.address().isBlank()
                    ? REDACTED
                    : party.address();
            parties.add(new Party(
                    party.id(),
                    party.role(),
                    party.nameOriginal(),
                    party.nameLatin(),
                    party.country(),
                    address,
                    party.identifiers(),
                    contact));
        }
        return new ApplicationContent(c.consigneeOrganisation(), parties, c.items(), e, p, r, c.declarations());
    }

    /** The revision JSON with every path of the fields set to {@value #REDACTED} where it holds a value. */
    static String redactJson(String json, Set<SensitiveField> fields) {
        JsonNode root = Snapshots.read(json);
        for (SensitiveField field : fields) {
            for (String path : field.paths()) {
                hidePath(root, path.split("\\."), 0);
            }
        }
        return root.toString();
    }

    private static void hidePath(JsonNode node, String[] steps, int at) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String step = steps[at];
        boolean each = step.endsWith("[]");
        String name = each ? step.substring(0, step.length() - 2) : step;
        JsonNode child = object.get(name);
        if (child == null || child.isNull()) {
            return;
        }
        if (each) {
            if (child.isArray()) {
                for (JsonNode element : child) {
                    if (at + 1 < steps.length) {
                        hidePath(element, steps, at + 1);
                    }
                }
            }
            return;
        }
        if (at + 1 == steps.length) {
            object.put(name, REDACTED);
        } else {
            hidePath(child, steps, at + 1);
        }
    }

    private static @Nullable String hide(@Nullable String value) {
        return value == null || value.isBlank() ? value : REDACTED;
    }

    private static String describe(Map<SensitiveField, Set<Audience>> marks) {
        return marks.entrySet().stream()
                .map(e -> e.getKey() + " for " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
