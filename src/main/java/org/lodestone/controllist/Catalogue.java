package org.lodestone.controllist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.store.ControlListStore;
import org.lodestone.shared.ChemicalElements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The control list module's facade. Seeds the catalogue from the data file on the first start (empty tables only),
 * keeps an in-memory {@link CatalogueIndex} for determinations and rebuilds it after every committed change.
 * Amendments add versions: the only in-place change is closing the open version the day before its successor starts;
 * overlapping intervals are refused (422), a stale {@code expectedVersion} is a 409. Guarded by
 * {@code ControlListApiTests} and {@code ControlListStoreContractTests}.
 */
@Component
class Catalogue implements ControlList, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);
    /** Legal effect follows the issuing state's calendar day. */
    static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");

    private final ControlListStore store;
    private final ControlListAudit audit;
    private final ControlListProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile @Nullable DeterminationEngine engine;

    Catalogue(
            ControlListStore store,
            ControlListAudit audit,
            ControlListProperties properties,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(() -> Clock.system(LEGAL_ZONE));
    }

    /** Seeds and indexes before the web server opens, so no request ever waits for (or misses) the catalogue. */
    @Override
    public void afterSingletonsInstantiated() {
        engine();
    }

    DeterminationEngine engine() {
        DeterminationEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    if (properties.seedOnStart()) {
                        seedIfEmpty();
                    }
                    e = rebuild();
                }
            }
        }
        return e;
    }

    private synchronized DeterminationEngine rebuild() {
        DeterminationEngine e =
                new DeterminationEngine(CatalogueIndex.of(store.readAll()), properties.deMinimisPercent());
        engine = e;
        return e;
    }

    private void seedIfEmpty() {
        try {
            tx.executeWithoutResult(status -> {
                if (!store.isEmpty()) {
                    return;
                }
                ControlListYaml.Parsed parsed = ControlListYaml.parseClasspath();
                store.load(parsed.data(), parsed.sha256(), ControlListYaml.RESOURCE, "system", Instant.now(clock));
                audit.record(
                        "CONTROL_LIST_SEEDED",
                        "CONTROL_LIST",
                        parsed.data().revision(),
                        "Seeded from " + ControlListYaml.RESOURCE + " revision "
                                + parsed.data().revision() + " (sha256 " + parsed.sha256() + "): "
                                + parsed.data().entries().size() + " entries");
                log.info(
                        "Control list seeded from {} revision {} ({} entries)",
                        ControlListYaml.RESOURCE,
                        parsed.data().revision(),
                        parsed.data().entries().size());
            });
        } catch (DuplicateKeyException raced) {
            // Another instance seeded the same empty database first; its data is what we read next.
            log.info("Control list was seeded concurrently by another instance");
        }
    }

    /** Rebuilds the index once the surrounding transaction has committed, so readers never see a rolled-back change. */
    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rebuild();
                }
            });
        } else {
            rebuild();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Override
    public Determination determine(DeterminationRequest request) {
        return engine().determine(request, today());
    }

    @Override
    public List<ControlEntry> entriesInForce(LocalDate date, @Nullable String element, @Nullable String query) {
        String symbol = null;
        if (element != null && !element.isBlank()) {
            symbol = ChemicalElements.symbol(element);
            if (symbol == null) {
                throw ControlListProblem.invalid("element", "'" + element + "' is not a chemical element symbol");
            }
        }
        if (date.isBefore(DeterminationEngine.EARLIEST_DATE) || date.isAfter(DeterminationEngine.LATEST_DATE)) {
            throw ControlListProblem.invalid(
                    "date",
                    "must be between " + DeterminationEngine.EARLIEST_DATE + " and " + DeterminationEngine.LATEST_DATE);
        }
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        String el = symbol;
        return engine().index().data().entries().stream()
                .filter(e -> e.inForceOn(date))
                .filter(e -> el == null || e.elements().contains(el))
                .filter(e -> q == null
                        || e.description().toLowerCase(Locale.ROOT).contains(q)
                        || e.key().contains(q)
                        || (e.controlNumber() != null
                                && e.controlNumber().toLowerCase(Locale.ROOT).startsWith(q)))
                .sorted(Comparator.comparing((ControlEntry e) -> e.controlNumber() == null ? "~" : e.controlNumber())
                        .thenComparing(ControlEntry::key))
                .toList();
    }

    @Override
    public ControlEntryHistory entry(String key) {
        Optional<Long> version = store.entryVersion(key);
        if (version.isEmpty()) {
            throw ControlListProblem.notFound("No control-list entry with key '" + key + "'");
        }
        return new ControlEntryHistory(key, version.get(), store.versions(key));
    }

    @Override
    public List<LegalAct> legalActs() {
        return engine().index().data().legalActs();
    }

    @Override
    public List<Suspension> suspensions() {
        return engine().index().data().suspensions();
    }

    @Override
    public List<ControlRule> rules() {
        return engine().index().data().rules();
    }

    @Override
    public @Nullable Suspension suspensionOf(ControlEntry entry, LocalDate date) {
        return engine().index().suspensionOn(entry.legalActKey(), date).orElse(null);
    }

    @Override
    public String revision() {
        return engine().index().revision();
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(LEGAL_ZONE));
    }

    // ---- administration ------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public ControlEntryHistory create(EntryDraft draft) {
        engine();
        String key = draft.key() == null ? "" : draft.key().strip();
        String by = actor();
        ControlEntry first = Drafts.entry(draft, null, key, 1, store::legalActExists, by);
        if (store.entryExists(key)) {
            throw ControlListProblem.conflict(
                    "key", "an entry with key '" + key + "' already exists; amend it instead");
        }
        Instant now = Instant.now(clock);
        store.insertEntry(key, by, now);
        store.insertVersion(first, by, now);
        audit.record("CONTROL_ENTRY_CREATED", "CONTROL_ENTRY", key, describe(first));
        refreshAfterCommit();
        return entry(key);
    }

    @Override
    @Transactional
    public ControlEntryHistory amend(String key, long expectedVersion, EntryDraft draft) {
        engine();
        Optional<Long> current = store.entryVersion(key);
        if (current.isEmpty()) {
            throw ControlListProblem.notFound("No control-list entry with key '" + key + "'");
        }
        List<ControlEntry> versions = store.versions(key);
        ControlEntry latest = versions.getLast();
        String by = actor();
        ControlEntry next = Drafts.entry(draft, latest, key, latest.versionNo() + 1, store::legalActExists, by);
        if (!store.bumpVersion(key, expectedVersion)) {
            throw ControlListProblem.conflict(
                    "expectedVersion",
                    "entry '" + key + "' is at version " + current.get() + ", not " + expectedVersion
                            + "; reload it and retry");
        }
        // An open version that starts before the new one is closed the day before; everything else must not overlap.
        ControlEntry closed = null;
        Optional<ControlEntry> open = versions.stream()
                .filter(v -> v.effectiveTo() == null && v.effectiveFrom().isBefore(next.effectiveFrom()))
                .max(Comparator.comparing(ControlEntry::effectiveFrom));
        if (open.isPresent()) {
            closed = open.get().closedOn(next.effectiveFrom().minusDays(1));
        }
        for (ControlEntry v : versions) {
            ControlEntry interval = closed != null && v.versionNo() == closed.versionNo() ? closed : v;
            if (interval.overlaps(next.effectiveFrom(), next.effectiveTo())) {
                throw ControlListProblem.invalid(
                        "effectiveFrom",
                        "the interval " + next.effectiveFrom() + " to "
                                + (next.effectiveTo() == null ? "open" : next.effectiveTo()) + " overlaps version "
                                + v.versionNo() + " (" + interval.effectiveFrom() + " to "
                                + (interval.effectiveTo() == null ? "open" : interval.effectiveTo()) + ")");
            }
        }
        Instant now = Instant.now(clock);
        if (closed != null) {
            store.closeVersion(key, closed.versionNo(), closed.effectiveTo());
        }
        store.insertVersion(next, by, now);
        audit.record(
                "CONTROL_ENTRY_AMENDED",
                "CONTROL_ENTRY",
                key,
                describe(next)
                        + (closed == null
                                ? ""
                                : "; closed version " + closed.versionNo() + " on " + closed.effectiveTo()));
        refreshAfterCommit();
        return entry(key);
    }

    @Override
    @Transactional
    public LegalAct recordLegalAct(LegalActDraft draft) {
        engine();
        LegalAct act = Drafts.legalAct(draft);
        if (store.legalActExists(act.key())) {
            throw ControlListProblem.conflict("key", "a legal act with key '" + act.key() + "' already exists");
        }
        store.insertLegalAct(act, actor(), Instant.now(clock));
        audit.record("LEGAL_ACT_RECORDED", "LEGAL_ACT", act.key(), act.citation());
        refreshAfterCommit();
        return act;
    }

    @Override
    @Transactional
    public Suspension recordSuspension(SuspensionDraft draft) {
        engine();
        String by = actor();
        Suspension s = Drafts.suspension(draft, store::legalActExists, store::ruleExists, store::suspensionExists, by);
        if (store.suspensionExists(s.key())) {
            throw ControlListProblem.conflict("key", "a suspension with key '" + s.key() + "' already exists");
        }
        if (s.supersedes() != null
                && suspensions().stream().anyMatch(x -> s.supersedes().equals(x.supersedes()))) {
            throw ControlListProblem.conflict(
                    "supersedes",
                    "suspension '" + s.supersedes()
                            + "' is already superseded; supersede the latest record of its chain");
        }
        store.insertSuspension(s, by, Instant.now(clock));
        audit.record(
                s.supersedes() == null ? "SUSPENSION_RECORDED" : "SUSPENSION_SUPERSEDED",
                "SUSPENSION",
                s.key(),
                "by " + s.legalActKey() + ", suspends " + s.suspendsActs() + " " + s.suspendsRules() + " from "
                        + s.startsOn() + " to " + s.endsOn() + ", extensionVerified " + s.extensionVerified()
                        + (s.supersedes() == null ? "" : ", supersedes " + s.supersedes()));
        refreshAfterCommit();
        return s;
    }

    private static String describe(ControlEntry e) {
        return "version " + e.versionNo() + " " + e.displayNumber() + " [" + e.legalActKey() + "] " + e.effectiveFrom()
                + " to " + (e.effectiveTo() == null ? "open" : e.effectiveTo());
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a.getName() == null ? "system" : a.getName();
    }
}
