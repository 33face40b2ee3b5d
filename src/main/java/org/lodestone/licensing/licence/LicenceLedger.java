package org.lodestone.licensing.licence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceExhausted;
import org.lodestone.licensing.LicenceIssued;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceProblem;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceStatusChanged;
import org.lodestone.licensing.Licences;
import org.lodestone.licensing.RecordShipment;
import org.lodestone.licensing.Shipment;
import org.lodestone.licensing.ShipmentLine;
import org.lodestone.licensing.ShipmentRecorded;
import org.lodestone.licensing.licence.store.LicenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licences: issue, status changes, shipments. Depletion is all-or-nothing across the lines of a shipment, each
 * line taken by one conditional UPDATE under a lock on the licence row, so concurrent shipments never take more than
 * is left and exactly one of them sees the licence reach zero. The status a caller reads is the status in force
 * today: a licence past its validity reads EXPIRED before the expiry job persists it. Guarded by
 * {@code ConcurrentDepletionTests} and {@code LicenceApiTests}.
 */
public class LicenceLedger implements Licences {

    private static final Logger log = LoggerFactory.getLogger(LicenceLedger.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int RETRIES = 3;

    private final LicenceStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LicenceProperties properties;

    public LicenceLedger(
            LicenceStore store,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            Identity identity,
            ApplicationEventPublisher events,
            Clock clock,
            LicenceProperties properties) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.audit = audit;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }

    /** The status in force today: ISSUED or SUSPENDED past the validity end is EXPIRED. */
    public Licence inForce(Licence stored) {
        boolean lapsed = today().isAfter(stored.validTo());
        if (lapsed && (stored.status() == LicenceStatus.ISSUED || stored.status() == LicenceStatus.SUSPENDED)) {
            return stored.withStatus(LicenceStatus.EXPIRED);
        }
        return stored;
    }

    // ---- issue ---------------------------------------------------------------------------------------------------

    @Override
    public Licence issue(IssueLicence command) {
        Optional<Licence> existing = store.findByApplication(command.applicationId());
        if (existing.isPresent()) {
            return inForce(existing.get());
        }
        OrganisationProfile holder = identity.organisation(command.holder()).orElse(null);
        OrganisationProfile authority =
                identity.organisation(command.issuingAuthority()).orElse(null);
        validate(command, holder, authority);
        LocalDate from = command.validFrom() != null ? command.validFrom() : today();
        LocalDate to = command.validTo() != null
                ? command.validTo()
                : from.plus(properties.validity()).minusDays(1);
        if (to.isBefore(from)) {
            throw LicenceProblem.invalid("validTo", "must not be before validFrom " + from);
        }
        String code = CheckCodes.generate();
        try {
            return inTransaction(() -> {
                long sequence = store.nextNumber();
                var number = new LicenceNumber(String.format(
                        Locale.ROOT, "%s-EX-%d-%06d", authority.country().value(), from.getYear(), sequence));
                List<LicenceLine> lines = command.lines().stream()
                        .sorted(Comparator.comparingInt(IssueLicence.Line::lineNo))
                        .map(l -> {
                            BigDecimal q = LicenceStore.plain(l.quantity());
                            return new LicenceLine(
                                    l.lineNo(),
                                    blankToNull(l.controlNumber()),
                                    l.entryKey().strip(),
                                    l.description().strip(),
                                    q,
                                    q,
                                    Units.canonical(l.unit()).orElseThrow(),
                                    LicenceStore.plain(l.unitValue()),
                                    l.currency());
                        })
                        .toList();
                var licence = new Licence(
                        UUID.randomUUID(),
                        number,
                        command.type(),
                        LicenceStatus.ISSUED,
                        null,
                        command.applicationId(),
                        command.applicationReference().strip(),
                        holder.id(),
                        holder.name(),
                        holder.nameOriginal(),
                        authority.id(),
                        authority.name(),
                        authority.nameOriginal(),
                        command.consignee(),
                        command.endUser(),
                        lines,
                        command.conditions().stream()
                                .map(String::strip)
                                .filter(c -> !c.isEmpty())
                                .toList(),
                        from,
                        to,
                        Instant.now(clock),
                        actorName(),
                        0);
                store.insert(licence, code, CheckCodes.sha256(code));
                events.publishEvent(
                        new LicenceIssued(number, command.applicationId(), holder.id(), authority.id(), from, to));
                audit.record(AuditRecord.success("LICENCE_ISSUED", "LICENCE", number.value())
                        .withDetail("application " + command.applicationReference() + " (" + command.applicationId()
                                + "), holder " + holder.name() + ", valid " + from + " to " + to + ", "
                                + lines.size() + " line(s)"));
                log.info("Issued licence {} for application {}", number, command.applicationReference());
                return licence;
            });
        } catch (DuplicateKeyException concurrentIssue) {
            return store.findByApplication(command.applicationId())
                    .map(this::inForce)
                    .orElseThrow(() -> concurrentIssue);
        }
    }

    private static void validate(
            IssueLicence c, @Nullable OrganisationProfile holder, @Nullable OrganisationProfile authority) {
        var errors = new ArrayList<Map<String, String>>();
        if (holder == null || holder.kind() != OrganisationKind.EXPORTER) {
            errors.add(error("holder", "must be an existing EXPORTER organisation"));
        }
        if (authority == null || authority.kind() != OrganisationKind.AUTHORITY) {
            errors.add(error("issuingAuthority", "must be an existing AUTHORITY organisation"));
        }
        if (c.applicationReference() == null || c.applicationReference().isBlank()) {
            errors.add(error("applicationReference", "must not be blank"));
        }
        if (c.lines().isEmpty()) {
            errors.add(error("lines", "a licence needs at least one line"));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < c.lines().size(); i++) {
            IssueLicence.Line l = c.lines().get(i);
            String at = "lines[" + i + "].";
            if (l.lineNo() < 1 || !seen.add(l.lineNo())) {
                errors.add(error(at + "lineNo", "must be a positive number, unique in the licence"));
            }
            if (l.entryKey() == null || l.entryKey().isBlank()) {
                errors.add(error(at + "entryKey", "must not be blank"));
            }
            if (l.description() == null || l.description().isBlank()) {
                errors.add(error(at + "description", "must not be blank"));
            }
            if (l.quantity() == null || l.quantity().signum() <= 0) {
                errors.add(error(at + "quantity", "must be greater than 0"));
            } else if (l.quantity().stripTrailingZeros().scale() > Units.SCALE) {
                errors.add(error(at + "quantity", "at most " + Units.SCALE + " decimals"));
            }
            if (Units.canonical(l.unit()).isEmpty()) {
                errors.add(error(at + "unit", "must be kg, g, t or another short unit name"));
            }
            if (l.unitValue() == null || l.unitValue().signum() < 0) {
                errors.add(error(at + "unitValue", "must not be negative"));
            }
            if (l.currency() == null || !CURRENCY.matcher(l.currency()).matches()) {
                errors.add(error(at + "currency", "must be an ISO 4217 code such as USD"));
            }
        }
        if (!errors.isEmpty()) {
            throw LicenceProblem.invalid(errors);
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Override
    public Optional<Licence> find(LicenceNumber number) {
        return store.find(number).map(this::inForce);
    }

    @Override
    public Optional<Licence> forApplication(ApplicationId application) {
        return store.findByApplication(application).map(this::inForce);
    }

    /** The licences {@code user} may see (need-to-know), newest first. */
    public List<Licence> visibleTo(CurrentUser user, LicenceAccess access) {
        var byNumber = new java.util.LinkedHashMap<LicenceNumber, Licence>();
        if (user.organisationKind() == OrganisationKind.EXPORTER) {
            store.list(user.organisationId(), null).forEach(l -> byNumber.putIfAbsent(l.number(), l));
        }
        if (user.organisationKind() == OrganisationKind.AUTHORITY) {
            if (LicenceAccess.isNationalOversight(user)) {
                store.list(null, null).forEach(l -> byNumber.putIfAbsent(l.number(), l));
            } else {
                store.list(null, user.organisationId()).forEach(l -> byNumber.putIfAbsent(l.number(), l));
            }
        }
        return byNumber.values().stream()
                .filter(l -> access.canRead(user, l))
                .map(this::inForce)
                .sorted(Comparator.comparing(Licence::issuedAt).reversed())
                .toList();
    }

    @Override
    public List<Shipment> shipments(LicenceNumber number) {
        Licence licence = store.find(number).orElseThrow(() -> LicenceProblem.notFound(number.value()));
        return store.shipments(licence.id(), number);
    }

    /** The check code in clear, for the certificate only. */
    public String checkCode(LicenceNumber number) {
        return store.checkCode(number)
                .map(LicenceStore.CheckCode::code)
                .orElseThrow(() -> LicenceProblem.notFound(number.value()));
    }

    // ---- shipments -----------------------------------------------------------------------------------------------

    @Override
    public Shipment recordShipment(RecordShipment command) {
        Licence licence = store.find(command.licence())
                .orElseThrow(() -> LicenceProblem.notFound(command.licence().value()));
        String reference = validateReference(command.reference());
        List<Shipment.Line> lines = convert(licence, command);
        Optional<Shipment> first = store.shipmentByReference(licence.id(), licence.number(), reference);
        if (first.isPresent()) {
            return first.get().asRepeat();
        }
        // Lock waits can time out under heavy contention (H2's default is one second); nothing was written then, so
        // the whole shipment is simply tried again, unless the caller's own transaction is in charge.
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> deplete(licence, command, reference, lines));
            } catch (PessimisticLockingFailureException busy) {
                if (attempt >= RETRIES || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw busy;
                }
                log.debug(
                        "Shipment {} on {} retried after a lock wait: {}",
                        reference,
                        licence.number(),
                        busy.toString());
            }
        }
    }

    private Shipment deplete(Licence licence, RecordShipment command, String reference, List<Shipment.Line> lines) {
        LicenceStore.Locked locked = store.lockForShipment(licence.id())
                .orElseThrow(() -> LicenceProblem.notFound(licence.number().value()));
        // Re-read under the lock: a concurrent request with the same reference may have committed meanwhile.
        Optional<Shipment> first = store.shipmentByReference(licence.id(), licence.number(), reference);
        if (first.isPresent()) {
            return first.get().asRepeat();
        }
        LocalDate today = today();
        if (locked.status() != LicenceStatus.ISSUED) {
            throw LicenceProblem.notInForce(licence.number(), locked.status(), "it is " + locked.status());
        }
        if (today.isAfter(locked.validTo())) {
            throw LicenceProblem.notInForce(
                    licence.number(), LicenceStatus.EXPIRED, "it expired after " + locked.validTo());
        }
        LocalDate date = command.shipmentDate();
        if (date.isBefore(locked.validFrom()) || date.isAfter(locked.validTo())) {
            throw LicenceProblem.notInForce(
                    licence.number(),
                    locked.status(),
                    "the shipment date " + date + " is outside its validity " + locked.validFrom() + " to "
                            + locked.validTo());
        }
        for (Shipment.Line line : lines) {
            if (!store.deplete(licence.id(), line.line(), line.quantityInLineUnit())) {
                BigDecimal left = store.remaining(licence.id(), line.line()).orElse(BigDecimal.ZERO);
                throw LicenceProblem.exhausted(
                        licence.number(),
                        line.line(),
                        LicenceStore.plain(left).toPlainString(),
                        line.quantityInLineUnit().toPlainString(),
                        line.lineUnit());
            }
        }
        var shipment = new Shipment(
                UUID.randomUUID(),
                licence.number(),
                date,
                reference,
                blankToNull(command.consignee()),
                command.source(),
                lines,
                Instant.now(clock),
                actorName(),
                false);
        store.insertShipment(licence.id(), shipment);
        events.publishEvent(new ShipmentRecorded(licence.number(), shipment.id(), reference, date, shipment.lines()));
        boolean exhausted = store.allLinesAtZero(licence.id());
        if (exhausted) {
            store.changeStatus(
                    licence.id(),
                    LicenceStatus.ISSUED,
                    LicenceStatus.EXHAUSTED,
                    "every line fully shipped (last shipment " + reference + ")",
                    shipment.recordedAt(),
                    null);
            events.publishEvent(new LicenceExhausted(licence.number(), reference));
            events.publishEvent(new LicenceStatusChanged(
                    licence.number(), LicenceStatus.ISSUED, LicenceStatus.EXHAUSTED, "every line fully shipped"));
        }
        audit.record(AuditRecord.success(
                        "SHIPMENT_RECORDED", "SHIPMENT", shipment.id().toString())
                .withDetail("licence " + licence.number() + ", reference " + reference + ", " + describe(lines)
                        + ", source " + command.source()));
        if (exhausted) {
            audit.record(AuditRecord.success(
                            "LICENCE_EXHAUSTED", "LICENCE", licence.number().value())
                    .withDetail("every line fully shipped; last shipment " + reference));
        }
        return shipment;
    }

    private static String validateReference(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw LicenceProblem.invalid("reference", "must not be blank (e.g. the customs declaration number)");
        }
        String reference = raw.strip();
        if (reference.length() > 100) {
            throw LicenceProblem.invalid("reference", "at most 100 characters");
        }
        if (reference.chars().anyMatch(Character::isISOControl)) {
            throw LicenceProblem.invalid("reference", "must not contain control characters");
        }
        return reference;
    }

    /** Checks every requested line and converts it to the line's unit; all problems are reported at once (422). */
    private static List<Shipment.Line> convert(Licence licence, RecordShipment command) {
        var errors = new ArrayList<Map<String, String>>();
        var lines = new ArrayList<Shipment.Line>();
        if (command.lines().isEmpty()) {
            errors.add(error("lines", "a shipment needs at least one line"));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ShipmentLine requested = command.lines().get(i);
            String at = "lines[" + i + "]";
            LicenceLine line = licence.line(requested.line());
            if (line == null) {
                errors.add(error(at + ".line", "licence " + licence.number() + " has no line " + requested.line()));
                continue;
            }
            if (!seen.add(requested.line())) {
                errors.add(error(at + ".line", "line " + requested.line() + " appears twice"));
                continue;
            }
            BigDecimal q = requested.quantity();
            if (q == null || q.signum() <= 0) {
                errors.add(error(at + ".quantity.value", "must be greater than 0"));
                continue;
            }
            Optional<String> unit = Units.canonical(requested.unit());
            if (unit.isEmpty()) {
                errors.add(error(at + ".quantity.unit", "unknown unit '" + requested.unit() + "'"));
                continue;
            }
            Optional<BigDecimal> converted = Units.convert(q, unit.get(), line.unit());
            if (converted.isEmpty()) {
                errors.add(error(
                        at + ".quantity",
                        q.toPlainString() + " " + unit.get() + " cannot be expressed in the line's unit " + line.unit()
                                + " (at most " + Units.SCALE + " decimals)"));
                continue;
            }
            lines.add(new Shipment.Line(
                    requested.line(), LicenceStore.plain(q), unit.get(), converted.get(), line.unit()));
        }
        if (!errors.isEmpty()) {
            throw LicenceProblem.invalid(errors);
        }
        // One order for every shipment, so two multi-line shipments never wait on each other's rows in a cycle.
        lines.sort(Comparator.comparingInt(Shipment.Line::line));
        return List.copyOf(lines);
    }

    private static String describe(List<Shipment.Line> lines) {
        var parts = new ArrayList<String>();
        for (Shipment.Line l : lines) {
            parts.add("line " + l.line() + ": " + l.quantityInLineUnit().toPlainString() + " " + l.lineUnit());
        }
        return String.join("; ", parts);
    }

    // ---- status --------------------------------------------------------------------------------------------------

    @Override
    public Licence changeStatus(
            LicenceNumber number, LicenceStatus target, @Nullable String reason, long expectedVersion) {
        return inTransaction(() -> {
            Licence stored = store.find(number).orElseThrow(() -> LicenceProblem.notFound(number.value()));
            Licence current = inForce(stored);
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty() && target != LicenceStatus.ISSUED) {
                throw LicenceProblem.invalid("reason", "a reason is required to set a licence " + target);
            }
            if (why.length() > 1000) {
                throw LicenceProblem.invalid("reason", "at most 1000 characters");
            }
            boolean legal = switch (current.status()) {
                case ISSUED -> target == LicenceStatus.SUSPENDED || target == LicenceStatus.REVOKED;
                case SUSPENDED -> target == LicenceStatus.ISSUED || target == LicenceStatus.REVOKED;
                default -> false;
            };
            if (!legal) {
                throw LicenceProblem.illegalTransition(number, current.status(), target);
            }
            if (stored.version() != expectedVersion) {
                throw LicenceProblem.stale(number, expectedVersion, stored.version());
            }
            Instant now = Instant.now(clock);
            if (!store.changeStatus(
                    stored.id(), stored.status(), target, why.isEmpty() ? null : why, now, expectedVersion)) {
                long latest = store.find(number).map(Licence::version).orElse(expectedVersion + 1);
                throw LicenceProblem.stale(number, expectedVersion, latest);
            }
            events.publishEvent(new LicenceStatusChanged(number, current.status(), target, why));
            String action = switch (target) {
                case SUSPENDED -> "LICENCE_SUSPENDED";
                case REVOKED -> "LICENCE_REVOKED";
                default -> "LICENCE_REINSTATED";
            };
            audit.record(AuditRecord.success(action, "LICENCE", number.value())
                    .withDetail(current.status() + " -> " + target + (why.isEmpty() ? "" : ": " + why)));
            return inForce(store.find(number).orElseThrow());
        });
    }

    /**
     * Persists EXPIRED for every licence whose validity ended before today; run by the expiry job. Reads already show
     * EXPIRED before this runs; persisting makes it queryable and audited. Returns how many were marked.
     */
    public int markExpired() {
        LocalDate today = today();
        int marked = 0;
        for (Licence l : store.expiredButNotMarked(today)) {
            Boolean done = inTransaction(() -> {
                if (!store.changeStatus(
                        l.id(),
                        l.status(),
                        LicenceStatus.EXPIRED,
                        "validity ended " + l.validTo(),
                        Instant.now(clock),
                        null)) {
                    return false;
                }
                events.publishEvent(new LicenceStatusChanged(
                        l.number(), l.status(), LicenceStatus.EXPIRED, "validity ended " + l.validTo()));
                audit.record(AuditRecord.success(
                                "LICENCE_EXPIRED", "LICENCE", l.number().value())
                        .withDetail("validity ended " + l.validTo())
                        .by(AuditActor.SYSTEM));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                marked++;
            }
        }
        return marked;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        T result = transactions.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("transaction returned nothing");
        }
        return result;
    }

    private String actorName() {
        return identity.currentUser().map(CurrentUser::username).orElse("system");
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> error(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }
}
