package org.lodestone.screening.hits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.licensing.ScreeningSubject.PartyToScreen;
import org.lodestone.screening.hits.store.HitStore;
import org.lodestone.screening.index.LiveIndex;
import org.lodestone.screening.lists.EntryDetails;
import org.lodestone.screening.matching.EntryIdentifier;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.screening.matching.MatchHit;
import org.lodestone.screening.matching.NameQuery;
import org.springframework.stereotype.Component;

/**
 * Screens every party of one subject against the live index and reconciles the result with the stored hits, in the
 * caller's transaction and under the subject's lock. Idempotent: screening twice against the same index changes
 * nothing but timestamps. Per party and entry, the hit in force decides: none or CLEARED opens a new hit; OPEN is
 * refreshed; FALSE_POSITIVE holds while both fingerprints are unchanged, otherwise a new hit opens; TRUE_MATCH holds.
 * OPEN hits that were not found again are cleared with the reason.
 */
@Component
public class Screener {

    /** Candidates asked of the index per screened name. */
    static final int CANDIDATES = 20;

    /** Parties are organisations in Lodestone's applications and licences. */
    static final String PARTY_SCHEMA = "Company";

    private final LiveIndex index;
    private final HitStore store;
    private final AuditTrail audit;

    Screener(LiveIndex index, HitStore store, AuditTrail audit) {
        this.index = index;
        this.store = store;
        this.audit = audit;
    }

    /** What one screening changed. */
    public record Outcome(int opened, int refreshed, int cleared, int held) {}

    public Outcome screen(ScreeningSubject subject) {
        Instant now = Instant.now();
        int indexSize = index.size(); // waits for the first index after start-up, before taking any lock
        store.lockSubject(subject, now);
        Map<String, Hit> inForce = new HashMap<>();
        for (Hit h : store.current(subject.kind(), subject.id())) {
            inForce.put(h.partyKey() + "\u0000" + h.entryKey(), h);
        }
        Set<String> found = new HashSet<>();
        int opened = 0;
        int refreshed = 0;
        int held = 0;
        List<String> openedText = new ArrayList<>();
        for (PartyToScreen party : subject.parties()) {
            String partyFp = PartyFingerprint.of(party);
            for (Candidate c : matches(party)) {
                ListedEntry e = c.hit().entry();
                String key = party.key() + "\u0000" + e.listCode() + "\u0000" + e.entryId();
                found.add(key);
                EntryDetails details = index.details(e.listCode(), e.entryId()).orElse(null);
                String entryFp = details != null ? details.fingerprint() : entryFingerprint(e);
                Hit fresh = hit(subject, party, partyFp, c, entryFp, now);
                Hit existing = inForce.get(key);
                if (existing == null || existing.state() == HitState.CLEARED) {
                    store.insert(fresh);
                    opened++;
                    // The party by role and key, not by name: the audit trail is not encrypted (#6).
                    openedText.add(party.role() + " " + party.key() + " ~ " + e.listCode() + "/" + e.entryId() + " ("
                            + String.format(
                                    java.util.Locale.ROOT, "%.2f", c.hit().score()) + ")");
                } else if (existing.state() == HitState.OPEN) {
                    store.refresh(withId(fresh, existing));
                    refreshed++;
                } else if (existing.state() == HitState.FALSE_POSITIVE
                        && !(existing.partyFingerprint().equals(partyFp)
                                && existing.entryFingerprint().equals(entryFp))) {
                    store.insert(fresh); // the party or the entry changed: the remembered decision no longer holds
                    opened++;
                    openedText.add(party.role() + " " + party.key() + " ~ " + e.listCode() + "/" + e.entryId()
                            + " (changed since the false-positive decision)");
                } else {
                    store.seen(existing.id(), now);
                    held++;
                }
            }
        }
        Set<String> partyKeys = new HashSet<>();
        subject.parties().forEach(p -> partyKeys.add(p.key()));
        int cleared = 0;
        for (var entry : inForce.entrySet()) {
            Hit h = entry.getValue();
            if (h.state() != HitState.OPEN || found.contains(entry.getKey())) {
                continue;
            }
            String reason = !partyKeys.contains(h.partyKey())
                    ? "the party was removed"
                    : index.details(h.listCode(), h.entryId()).isEmpty()
                            ? "the entry left its list"
                            : "no longer matches (party or entry changed)";
            if (store.clear(h.id(), reason)) {
                cleared++;
            }
        }
        store.screened(subject, now, indexSize);
        if (opened > 0) {
            audit.record(AuditRecord.success(
                            "SCREENING_HITS_OPENED",
                            subject.kind().name(),
                            subject.id().toString())
                    .withDetail(subject.reference() + ": " + String.join("; ", openedText)));
        }
        return new Outcome(opened, refreshed, cleared, held);
    }

    private record Candidate(MatchHit hit, String screenedName) {}

    /** The best hit at or above the threshold per entry, over the party's Latin and original-script names. */
    private List<Candidate> matches(PartyToScreen party) {
        List<String> names = new ArrayList<>();
        names.add(party.name());
        if (party.nameOriginal() != null
                && !party.nameOriginal().isBlank()
                && !party.nameOriginal().strip().equalsIgnoreCase(party.name().strip())) {
            names.add(party.nameOriginal());
        }
        List<EntryIdentifier> ids = party.identifiers().stream()
                .map(i -> new EntryIdentifier(i.type(), i.value()))
                .toList();
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (String name : names) {
            NameQuery q = new NameQuery(name, party.country(), ids, PARTY_SCHEMA);
            for (MatchHit h : index.search(q, CANDIDATES)) {
                if (!h.match()) {
                    continue;
                }
                String key = h.entry().listCode() + "\u0000" + h.entry().entryId();
                Candidate before = best.get(key);
                if (before == null || h.score() > before.hit().score()) {
                    best.put(key, new Candidate(h, name));
                }
            }
        }
        return List.copyOf(best.values());
    }

    private static Hit hit(
            ScreeningSubject s, PartyToScreen p, String partyFp, Candidate c, String entryFp, Instant now) {
        MatchHit m = c.hit();
        return new Hit(
                UUID.randomUUID(),
                s.kind(),
                s.id(),
                s.reference(),
                s.authority(),
                p.key(),
                p.role(),
                p.name(),
                p.nameOriginal(),
                p.country(),
                partyFp,
                c.screenedName(),
                m.entry().listCode(),
                m.entry().entryId(),
                entryFp,
                m.entry().caption(),
                m.comparison().matchedName(),
                m.score(),
                m.comparison().features(),
                HitState.OPEN,
                null,
                now,
                now,
                null,
                null,
                null,
                0);
    }

    private static Hit withId(Hit fresh, Hit existing) {
        return new Hit(
                existing.id(),
                fresh.subjectKind(),
                fresh.subjectId(),
                fresh.subjectReference(),
                fresh.authority(),
                fresh.partyKey(),
                fresh.partyRole(),
                fresh.partyName(),
                fresh.partyNameOriginal(),
                fresh.partyCountry(),
                fresh.partyFingerprint(),
                fresh.screenedName(),
                fresh.listCode(),
                fresh.entryId(),
                fresh.entryFingerprint(),
                fresh.entryCaption(),
                fresh.matchedName(),
                fresh.score(),
                fresh.features(),
                HitState.OPEN,
                null,
                existing.createdAt(),
                fresh.screenedAt(),
                null,
                null,
                null,
                existing.version());
    }

    /** For an entry whose source gives no details: a hash of what the matcher saw of it. */
    static String entryFingerprint(ListedEntry e) {
        return PartyFingerprint.sha256(e.listCode() + "\u0001" + e.entryId() + "\u0001" + e.schema() + "\u0001"
                + String.join("\u0002", e.names()) + "\u0001" + new java.util.TreeSet<>(e.countries()) + "\u0001"
                + e.identifiers().stream().map(EntryIdentifier::key).sorted().toList());
    }

    static @Nullable String nullIfBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
