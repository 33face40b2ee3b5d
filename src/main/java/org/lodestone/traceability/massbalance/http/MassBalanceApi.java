package org.lodestone.traceability.massbalance.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.ChemicalElements;
import org.lodestone.traceability.chain.ChainProblem;
import org.lodestone.traceability.chain.ChainProblem.FieldError;
import org.lodestone.traceability.chain.ChainRegistry;
import org.lodestone.traceability.massbalance.Balance;
import org.lodestone.traceability.massbalance.MassBalance;
import org.lodestone.traceability.massbalance.MovementKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mass balance per site × element of an enterprise over a period. A REPORTER reads its own (the default
 * enterprise); REVIEWER, SUPERVISOR and ENFORCEMENT those in their jurisdiction; another enterprise answers 404.
 */
@RestController
@Tag(
        name = "Traceability mass balance",
        description = "Opening + received + produced = shipped + consumed + loss + closing")
class MassBalanceApi {

    static final long MAX_DAYS = 366 * 5;

    private final MassBalance massBalance;
    private final ChainRegistry registry;

    MassBalanceApi(MassBalance massBalance, ChainRegistry registry) {
        this.massBalance = massBalance;
        this.registry = registry;
    }

    record BalanceView(
            String site,
            String element,
            Instant periodStart,
            Instant periodEnd,
            BigDecimal openingStock,
            BigDecimal received,
            BigDecimal produced,
            BigDecimal consumed,
            BigDecimal shipped,
            BigDecimal declaredLoss,
            @Nullable BigDecimal closingStock,
            BigDecimal expectedClosingStock,
            @Nullable BigDecimal difference,
            BigDecimal toleranceKg,
            @Nullable Boolean withinTolerance,
            @Nullable String openingStockEvent,
            @Nullable String closingStockEvent,
            @Nullable Map<MovementKind, List<String>> events) {
        static BalanceView of(Balance b, boolean events) {
            return new BalanceView(
                    b.site(),
                    b.element(),
                    b.periodStart(),
                    b.periodEnd(),
                    b.opening(),
                    b.received(),
                    b.produced(),
                    b.consumed(),
                    b.shipped(),
                    b.loss(),
                    b.closing(),
                    b.expectedClosing(),
                    b.difference(),
                    b.allowed(),
                    b.withinTolerance(),
                    b.openingEvent(),
                    b.closingEvent(),
                    events ? b.events() : null);
        }
    }

    record MassBalanceView(
            String enterprise,
            LocalDate from,
            LocalDate to,
            BigDecimal tolerance,
            BigDecimal absoluteFloorKg,
            String unit,
            List<BalanceView> balances) {}

    @GetMapping("/api/v1/traceability/mass-balance")
    @Operation(
            summary = "Mass balance per site and element for a period (ISO dates, inclusive); events=true lists the"
                    + " event ids behind each figure (at most 100 per figure)")
    MassBalanceView balance(
            @RequestParam(required = false) @Nullable String enterprise,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String element,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "false") boolean events) {
        List<FieldError> errors = new ArrayList<>();
        OrganisationId id = null;
        if (enterprise == null || enterprise.isBlank()) {
            id = registry.callerOrganisation();
        } else {
            try {
                id = new OrganisationId(UUID.fromString(enterprise.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("enterprise", "is not an enterprise id"));
            }
        }
        String symbol = null;
        if (element != null && !element.isBlank()) {
            symbol = ChemicalElements.symbol(element);
            if (symbol == null) {
                errors.add(new FieldError("element", "'" + element + "' is not a chemical element symbol"));
            }
        }
        LocalDate start = date(errors, "from", from);
        LocalDate end = date(errors, "to", to);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                errors.add(new FieldError("to", "the period may span at most " + MAX_DAYS + " days"));
            }
        }
        if (!errors.isEmpty() || id == null || start == null || end == null) {
            throw ChainProblem.invalid(errors);
        }
        registry.requireReadable(id);
        String s = site == null || site.isBlank() ? null : site.strip();
        List<BalanceView> balances = massBalance.compute(id, s, symbol, start, end, events).stream()
                .map(b -> BalanceView.of(b, events))
                .toList();
        return new MassBalanceView(
                id.toString(),
                start,
                end,
                massBalance.properties().tolerance(),
                massBalance.properties().absoluteFloorKg(),
                "kg",
                balances);
    }

    private static @Nullable LocalDate date(List<FieldError> errors, String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required, an ISO date such as 2026-01-01"));
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + raw + "' is not an ISO date such as 2026-01-01"));
            return null;
        }
    }
}
