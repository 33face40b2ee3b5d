package org.lodestone.controllist;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The control list as other modules and the adapters see it: determination, browsing by date, and administration
 * (amendments add versions; nothing is overwritten). Refusals are {@link ControlListProblem}s.
 */
public interface ControlList {

    /** Answers whether the item needs a licence; pure read of public data, not audited. */
    Determination determine(DeterminationRequest request);

    /** Entry versions in force on the date, optionally only those listing the element or containing the text. */
    List<ControlEntry> entriesInForce(LocalDate date, @Nullable String element, @Nullable String query);

    /** All versions of one entry; 404 problem when unknown. */
    ControlEntryHistory entry(String key);

    ControlEntryHistory create(EntryDraft draft);

    /** Adds a version; {@code expectedVersion} must equal the entry's current version (else 409). */
    ControlEntryHistory amend(String key, long expectedVersion, EntryDraft draft);

    List<LegalAct> legalActs();

    LegalAct recordLegalAct(LegalActDraft draft);

    List<Suspension> suspensions();

    Suspension recordSuspension(SuspensionDraft draft);

    List<ControlRule> rules();

    /** The suspension covering the entry's legal act on the date, or null when the entry is not suspended then. */
    @Nullable
    Suspension suspensionOf(ControlEntry entry, LocalDate date);

    /** The data-file revision the catalogue was seeded from. */
    String revision();

    /** Today in the application's clock: the default date of determinations and browsing. */
    LocalDate today();
}
