package org.lodestone.traceability.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceProblem;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.Licences;
import org.lodestone.licensing.RecordShipment;
import org.lodestone.licensing.Shipment;
import org.lodestone.licensing.ShipmentLine;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.TradingParty;
import org.lodestone.traceability.export.store.ExportStore;
import org.lodestone.traceability.export.store.ExportStore.ExportRow;
import org.lodestone.traceability.export.store.ExportStore.State;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.NewSignal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Depletes licences for the queued export shipments after their capture committed, through
 * {@link Licences#recordShipment} (the licensing module's one atomic, idempotent-by-reference depletion, reference =
 * the EPCIS eventID), and raises a signal when it cannot: EXPORT_WITHOUT_LICENCE (no licence named, unknown, not in
 * force on the shipping date, or no licence line the shipment can be attributed to), EXPORT_BEYOND_LICENCE (not enough
 * left), EXPORT_TO_OTHER_CONSIGNEE (the destination party, as the chain registry knows it, is not the licensed
 * consignee: names compared without case, punctuation and legal-form words, and countries). Rows a crash left pending
 * are taken up at start and every minute. Guarded by {@code ExportDepletionTests}.
 */
@Component
class LicenceDepletion {

    private static final Logger log = LoggerFactory.getLogger(LicenceDepletion.class);
    private static final int MAX_ATTEMPTS = 20;
    /** How long one attempt holds a row; a crashed attempt's claim expires and the sweep takes the row up again. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private static final Set<String> MASS = Set.of("KGM", "TNE", "GRM");

    private final ExportStore store;
    private final Licences licences;
    private final Signals signals;
    private final ObjectProvider<Chain> chain;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate requiresNew;

    LicenceDepletion(
            ExportStore store,
            Licences licences,
            Signals signals,
            ObjectProvider<Chain> chain,
            JsonMapper json,
            ObjectProvider<Clock> clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.licences = licences;
        this.signals = signals;
        this.chain = chain;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        // After commit the finished transaction's resources are still bound to the thread: work done now must run in
        // a transaction of its own, or it would silently join the one that already committed.
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCapture(EventsCaptured captured) {
        for (EventsCaptured.Stored s : captured.events()) {
            try {
                deplete(s.seq());
            } catch (RuntimeException e) {
                log.warn("Depletion of export event {} failed; the sweep retries it: {}", s.seq(), e.toString());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep(Duration.ZERO);
    }

    @Scheduled(fixedDelayString = "${lodestone.traceability.export.sweep-delay:PT1M}", initialDelay = 60_000)
    void scheduled() {
        sweep(Duration.ofSeconds(30));
    }

    /** Depletes pending rows enqueued more than {@code age} ago (younger ones are still being handled after commit). */
    int sweep(Duration age) {
        int done = 0;
        for (Long seq : store.pending(clock.instant().minus(age), MAX_ATTEMPTS, 500)) {
            try {
                if (deplete(seq)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("Depletion of export event {} failed again: {}", seq, e.toString());
            }
        }
        return done;
    }

    /** Depletes one queued export if it is still pending; true when it was settled now. */
    boolean deplete(long seq) {
        Instant now = clock.instant();
        if (!Boolean.TRUE.equals(requiresNew.execute(tx -> store.claim(seq, now, now.plus(CLAIM))))) {
            return false;
        }
        ExportRow row = requiresNew.execute(tx -> store.find(seq).orElse(null));
        if (row == null || row.state() != State.PENDING) {
            return false;
        }
        Decision decision;
        try {
            decision = decide(row);
        } catch (RuntimeException e) {
            requiresNew.executeWithoutResult(tx -> store.failed(seq, e.toString(), clock.instant()));
            throw e;
        }
        Decision settled = decision;
        Boolean changed = requiresNew.execute(tx -> {
            if (!store.settle(seq, settled.state(), settled.outcome(), clock.instant())) {
                return false;
            }
            for (NewSignal signal : settled.signals()) {
                signals.raise(signal);
            }
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    private record Decision(State state, String outcome, List<NewSignal> signals) {}

    private Decision decide(ExportRow row) {
        List<NewSignal> raised = new ArrayList<>();
        String named = row.licenceNumber();
        if (named == null) {
            return without(row, "names no licence", raised);
        }
        Optional<LicenceNumber> number = LicenceNumber.parse(named);
        if (number.isEmpty()) {
            return without(row, "names " + named + ", which is not a licence number", raised);
        }
        Licence licence = licences.find(number.get()).orElse(null);
        if (licence == null) {
            return without(row, "names licence " + named + ", which does not exist", raised);
        }
        LocalDate date = LocalDate.ofInstant(row.eventTime(), ZoneOffset.UTC);
        TradingParty party = consigneeCheck(row, licence, raised);
        Integer lineNo = row.licenceLine();
        if (lineNo == null) {
            if (licence.lines().size() != 1) {
                return without(
                        row,
                        "names licence " + named + ", which has "
                                + licence.lines().size() + " lines, without saying which (#line)",
                        raised);
            }
            lineNo = licence.lines().getFirst().lineNo();
        }
        LicenceLine line = licence.line(lineNo);
        if (line == null) {
            return without(row, "names line " + lineNo + " of licence " + named + ", which has no such line", raised);
        }
        BigDecimal kg = massKg(row);
        if (kg.signum() <= 0) {
            return without(
                    row,
                    "states no mass (KGM, TNE or GRM) in its quantity list, so licence " + named
                            + " cannot be depleted",
                    raised);
        }
        String consignee = party != null ? party.name() : row.destParty();
        try {
            Shipment shipment = requiresNew.execute(tx -> licences.recordShipment(new RecordShipment(
                    number.get(),
                    date,
                    reference(row.eventId()),
                    List.of(new ShipmentLine(line.lineNo(), kg, "kg")),
                    consignee,
                    "TRACEABILITY")));
            if (shipment == null) {
                throw new IllegalStateException("no shipment recorded");
            }
            String what = plain(kg) + " kg on line " + line.lineNo() + " of " + named;
            return shipment.repeated()
                    ? new Decision(State.REPEATED, "already recorded: " + what, raised)
                    : new Decision(State.RECORDED, "depleted " + what, raised);
        } catch (LicenceProblem p) {
            boolean exhausted = p.type().equals("licence-exhausted")
                    || (p.type().equals("licence-not-in-force") && licence.status() == LicenceStatus.EXHAUSTED);
            if (exhausted) {
                raised.add(signal(
                        row,
                        SignalKind.EXPORT_BEYOND_LICENCE,
                        "Export " + row.eventId() + " of " + plain(kg) + " kg goes beyond licence " + named + ": "
                                + p.detail()));
                return new Decision(State.SIGNALLED, p.detail(), raised);
            }
            return without(row, "names licence " + named + ", but " + p.detail(), raised);
        }
    }

    private Decision without(ExportRow row, String why, List<NewSignal> raised) {
        raised.add(signal(row, SignalKind.EXPORT_WITHOUT_LICENCE, "Export " + row.eventId() + " " + why + "."));
        return new Decision(State.SIGNALLED, why, raised);
    }

    /** Compares the destination party with the licensed consignee; adds a signal when they differ. */
    private @Nullable TradingParty consigneeCheck(ExportRow row, Licence licence, List<NewSignal> raised) {
        Chain registry = chain.getIfAvailable();
        if (registry == null || row.destParty() == null) {
            return null;
        }
        TradingParty party = registry.party(row.destParty()).orElse(null);
        if (party == null) {
            return null;
        }
        LicenceParty consignee = licence.consignee();
        boolean sameName = sameName(party.name(), consignee.name())
                || (consignee.nameOriginal() != null && sameName(party.name(), consignee.nameOriginal()));
        boolean sameCountry = party.country().equals(consignee.country());
        if (!sameName || !sameCountry) {
            raised.add(signal(
                    row,
                    SignalKind.EXPORT_TO_OTHER_CONSIGNEE,
                    "Export " + row.eventId() + " goes to " + party.name() + " (" + party.country() + "), but licence "
                            + licence.number() + " names " + consignee.name() + " (" + consignee.country() + ")."));
        }
        return party;
    }

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Set<String> LEGAL_FORMS = Set.of(
            "gmbh",
            "mbh",
            "ag",
            "kg",
            "co",
            "company",
            "corp",
            "corporation",
            "inc",
            "incorporated",
            "ltd",
            "limited",
            "llc",
            "plc",
            "sa",
            "sarl",
            "sas",
            "bv",
            "nv",
            "srl",
            "spa",
            "oy",
            "ab",
            "as",
            "kk",
            "pte",
            "pty",
            "the",
            "and",
            "group",
            "holding",
            "holdings",
            "有限公司",
            "股份有限公司",
            "集团");

    /** Names equal once case, punctuation and legal-form words are ignored ("Motorenwerk GmbH" = "MOTORENWERK"). */
    static boolean sameName(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    static String normalise(String name) {
        String cleaned = PUNCTUATION
                // dots join (g.m.b.h. is gmbh), other punctuation separates words
                .matcher(name.toLowerCase(Locale.ROOT).replace(".", "").replace('&', ' '))
                .replaceAll(" ");
        StringBuilder out = new StringBuilder();
        for (String token : cleaned.trim().split("\\s+")) {
            if (!token.isEmpty() && !LEGAL_FORMS.contains(token)) {
                out.append(out.isEmpty() ? "" : " ").append(token);
            }
        }
        return out.toString();
    }

    private BigDecimal massKg(ExportRow row) {
        BigDecimal kg = BigDecimal.ZERO;
        for (JsonNode q : json.readTree(row.quantities())) {
            String uom = q.path("uom").asString("");
            if (!MASS.contains(uom) || !q.hasNonNull("quantity")) {
                continue;
            }
            BigDecimal v = new BigDecimal(q.path("quantity").asString());
            kg = kg.add(
                    switch (uom) {
                        case "TNE" -> v.movePointRight(3);
                        case "GRM" -> v.movePointLeft(3);
                        default -> v;
                    });
        }
        return kg;
    }

    private static NewSignal signal(ExportRow row, SignalKind kind, String summary) {
        return new NewSignal(
                kind,
                "export|" + row.eventId(),
                new OrganisationId(row.reporter()),
                row.region(),
                "export " + row.eventId(),
                summary,
                List.of(new Evidence(row.eventId(), summary)));
    }

    /** The licensing reference (at most 100 characters): the event id, or a digest of a longer one. */
    static String reference(String eventId) {
        if (eventId.length() <= 100) {
            return eventId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            return "epcis-sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
