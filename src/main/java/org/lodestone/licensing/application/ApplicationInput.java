package org.lodestone.licensing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ControlEntry;
import org.lodestone.controllist.ItemForm;
import org.lodestone.licensing.application.ApplicationProblem.FieldError;
import org.lodestone.shared.ChemicalElements;
import org.lodestone.shared.CountryCode;

/**
 * Turns what clients send into domain values, collecting every field error before refusing (422 with {@code errors}),
 * so a form shows all its mistakes at once. Field names are JSON paths as the client knows them, e.g.
 * {@code items[1].controlEntry}. Guarded by {@code ApplicationApiTests} and {@code ApplicationInputUnitTests}.
 */
final class ApplicationInput {

    static final BigDecimal MAX_ELEMENT_SUM = new BigDecimal("100.5");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern HS_CODE = Pattern.compile("\\d{6,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PARTIES = 50;
    private static final int MAX_ITEMS = 200;

    private final List<FieldError> errors = new ArrayList<>();

    static int maxParties() {
        return MAX_PARTIES;
    }

    static int maxItems() {
        return MAX_ITEMS;
    }

    // ---- application sections ---------------------------------------------------------------------------------------

    record Details(
            @Nullable String consigneeOrganisation,
            EndUse endUse,
            Production production,
            BusinessRelationship relationship,
            Declarations declarations) {}

    static Details details(ApplicationDraft d, Function<String, Optional<String>> foreignParty) {
        var in = new ApplicationInput();
        String consignee = in.optional("consigneeOrganisation", d.consigneeOrganisation(), 36);
        if (consignee != null) {
            try {
                UUID.fromString(consignee);
                Optional<String> problem = foreignParty.apply(consignee);
                problem.ifPresent(p -> in.error("consigneeOrganisation", p));
            } catch (IllegalArgumentException e) {
                in.error("consigneeOrganisation", "'" + consignee + "' is not an organisation id (UUID)");
            }
        }
        var eu = d.endUse();
        EndUseSector sector = null;
        if (eu != null && present(eu.sector())) {
            try {
                sector = EndUseSector.valueOf(eu.sector().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.error(
                        "endUse.sector",
                        "'" + echo(eu.sector()) + "' is not one of "
                                + java.util.Arrays.toString(EndUseSector.values()));
            }
        }
        EndUse endUse = eu == null
                ? EndUse.NONE
                : new EndUse(
                        sector,
                        in.optional("endUse.finalProduct", eu.finalProduct(), 500),
                        in.optional("endUse.statement", eu.statement(), 4000));
        var pd = d.production();
        Production production = pd == null
                ? Production.NONE
                : new Production(
                        in.optional("production.description", pd.description(), 4000),
                        in.optional("production.process", pd.process(), 4000),
                        in.optional("production.site", pd.site(), 500));
        var rd = d.relationship();
        BusinessRelationship relationship = BusinessRelationship.NONE;
        if (rd != null) {
            LocalDate since = in.date("relationship.since", rd.since());
            if (since != null && since.isAfter(LocalDate.now().plusDays(1))) {
                in.error("relationship.since", "lies in the future");
            }
            List<BusinessRelationship.Volume> volumes = new ArrayList<>();
            Set<Integer> years = new HashSet<>();
            List<ApplicationDraft.VolumeDraft> raw = rd.volumes() == null ? List.of() : rd.volumes();
            for (int i = 0; i < raw.size(); i++) {
                var v = raw.get(i);
                String at = "relationship.volumes[" + i + "]";
                if (v == null) {
                    in.error(at, "must not be null");
                    continue;
                }
                Integer year = in.year(at + ".year", v.year());
                if (year != null && !years.add(year)) {
                    in.error(at + ".year", "year " + year + " is given twice");
                }
                BigDecimal quantity = present(v.quantity()) ? in.positive(at + ".quantity", v.quantity()) : null;
                QuantityUnit unit = present(v.unit()) ? in.unit(at + ".unit", v.unit()) : null;
                BigDecimal value = present(v.value()) ? in.positive(at + ".value", v.value()) : null;
                String currency = present(v.currency()) ? in.currency(at + ".currency", v.currency()) : null;
                if (!present(v.quantity()) && !present(v.value())) {
                    in.error(at, "give a quantity with unit, a value with currency, or both");
                }
                if (present(v.quantity()) && !present(v.unit())) {
                    in.error(at + ".unit", "is required with a quantity");
                }
                if (present(v.value()) && !present(v.currency())) {
                    in.error(at + ".currency", "is required with a value");
                }
                if (year != null) {
                    volumes.add(new BusinessRelationship.Volume(year, quantity, unit, value, currency));
                }
            }
            relationship = new BusinessRelationship(
                    since,
                    volumes.stream()
                            .sorted(java.util.Comparator.comparingInt(BusinessRelationship.Volume::year))
                            .toList(),
                    in.optional("relationship.notes", rd.notes(), 4000));
        }
        var dd = d.declarations();
        Declarations declarations = dd == null
                ? Declarations.NONE
                : new Declarations(
                        Boolean.TRUE.equals(dd.accuracy()),
                        Boolean.TRUE.equals(dd.endUseUndertaking()),
                        Boolean.TRUE.equals(dd.noReExportWithoutConsent()),
                        in.optional("declarations.signatoryName", dd.signatoryName(), 200),
                        in.date("declarations.signedOn", dd.signedOn()));
        in.refuseIfAny();
        return new Details(consignee, endUse, production, relationship, declarations);
    }

    // ---- parties
    // ------------------------------------------------------------------------------------------------------

    static Party party(UUID id, PartyDraft d, int index) {
        var in = new ApplicationInput();
        String at = "parties[" + index + "]";
        PartyRole role = null;
        if (!present(d.role())) {
            in.error(at + ".role", "is required (CONSIGNEE, END_USER or INTERMEDIARY)");
        } else {
            try {
                role = PartyRole.valueOf(d.role().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.error(at + ".role", "'" + echo(d.role()) + "' is not one of CONSIGNEE, END_USER, INTERMEDIARY");
            }
        }
        String nameLatin = in.required(at + ".nameLatin", d.nameLatin(), 300);
        String nameOriginal = in.optional(at + ".nameOriginal", d.nameOriginal(), 300);
        String country = in.country(at + ".country", d.country());
        String address = in.required(at + ".address", d.address(), 1000);
        List<Party.RegistrationIdentifier> identifiers = new ArrayList<>();
        var raw = d.identifiers() == null ? List.<PartyDraft.IdentifierDraft>of() : d.identifiers();
        if (raw.size() > 20) {
            in.error(at + ".identifiers", "at most 20 registration identifiers");
        }
        for (int i = 0; i < raw.size() && i < 20; i++) {
            var r = raw.get(i);
            String rat = at + ".identifiers[" + i + "]";
            if (r == null) {
                in.error(rat, "must not be null");
                continue;
            }
            String type = in.required(rat + ".type", r.type(), 60);
            String value = in.required(rat + ".value", r.value(), 100);
            if (type != null && value != null) {
                identifiers.add(new Party.RegistrationIdentifier(type, value));
            }
        }
        Party.Contact contact = null;
        var c = d.contact();
        if (c != null) {
            String name = in.optional(at + ".contact.name", c.name(), 200);
            String email = in.optional(at + ".contact.email", c.email(), 254);
            if (email != null && !EMAIL.matcher(email).matches()) {
                in.error(at + ".contact.email", "'" + echo(email) + "' is not an e-mail address");
            }
            String phone = in.optional(at + ".contact.phone", c.phone(), 50);
            if (name != null || email != null || phone != null) {
                contact = new Party.Contact(name, email, phone);
            }
        }
        in.refuseIfAny();
        return new Party(id, role, nameOriginal, nameLatin, country, address, identifiers, contact);
    }

    // ---- items
    // --------------------------------------------------------------------------------------------------------

    static Item item(UUID id, ItemDraft d, int index, Function<String, Optional<ControlEntry>> controlList) {
        var in = new ApplicationInput();
        String at = "items[" + index + "]";
        ControlEntry entry = null;
        if (!present(d.controlEntry())) {
            in.error(at + ".controlEntry", "is required: a control-list entry key or control number");
        } else {
            entry = controlList.apply(d.controlEntry().strip()).orElse(null);
            if (entry == null) {
                in.error(
                        at + ".controlEntry",
                        "'" + echo(d.controlEntry()) + "' is no control-list entry in force today (give an entry key"
                                + " such as dy-oxide or a control number such as 1C905.b)");
            }
        }
        ItemForm form = null;
        if (!present(d.form())) {
            in.error(at + ".form", "is required (" + formsOf(entry) + ")");
        } else {
            try {
                form = ItemForm.parse(d.form());
                if (entry != null && !entry.forms().isEmpty() && !entry.forms().contains(form)) {
                    in.error(
                            at + ".form",
                            "'" + form.label() + "' is not a form of " + entry.displayNumber() + " (" + formsOf(entry)
                                    + ")");
                }
            } catch (IllegalArgumentException e) {
                in.error(at + ".form", "'" + echo(d.form()) + "' is not an item form (" + formsOf(entry) + ")");
            }
        }
        String description = in.required(at + ".description", d.description(), 2000);
        BigDecimal quantity = in.positive(at + ".quantity", d.quantity());
        QuantityUnit unit = in.unit(at + ".unit", d.unit());
        BigDecimal unitValue = in.nonNegative(at + ".unitValue", d.unitValue());
        String currency = in.currency(at + ".currency", d.currency());
        Map<String, BigDecimal> elements = new TreeMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        if (d.elements() != null) {
            for (var e : d.elements().entrySet()) {
                String symbol = ChemicalElements.symbol(e.getKey());
                String eat = at + ".elements." + e.getKey();
                if (symbol == null) {
                    in.error(eat, "'" + echo(e.getKey()) + "' is not a chemical element symbol");
                    continue;
                }
                if (elements.containsKey(symbol)) {
                    in.error(eat, symbol + " is given twice");
                    continue;
                }
                BigDecimal pct = in.decimal(eat, e.getValue());
                if (pct == null) {
                    continue;
                }
                if (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0) {
                    in.error(eat, "mass percent must be greater than 0 and at most 100, not " + pct.toPlainString());
                    continue;
                }
                if (pct.scale() > 4) {
                    in.error(eat, "at most 4 decimal places");
                    continue;
                }
                elements.put(symbol, pct);
                sum = sum.add(pct);
            }
            if (sum.compareTo(MAX_ELEMENT_SUM) > 0) {
                in.error(
                        at + ".elements",
                        "mass percentages add up to " + sum.toPlainString() + " %, more than 100.5 %");
            }
        }
        String hs = null;
        if (present(d.hsCode())) {
            hs = d.hsCode().replaceAll("[\\s.]", "");
            if (!HS_CODE.matcher(hs).matches()) {
                in.error(at + ".hsCode", "'" + echo(d.hsCode()) + "' is not an HS code of 6 to 10 digits");
            }
        }
        String specification = in.optional(at + ".specification", d.specification(), 4000);
        in.refuseIfAny();
        return new Item(
                id,
                entry.key(),
                entry.controlNumber(),
                form,
                description,
                quantity,
                unit,
                unitValue,
                currency,
                elements,
                hs,
                specification);
    }

    private static String formsOf(@Nullable ControlEntry entry) {
        List<ItemForm> forms = entry == null || entry.forms().isEmpty() ? List.of(ItemForm.values()) : entry.forms();
        return "one of " + String.join(", ", forms.stream().map(ItemForm::label).toList());
    }

    // ---- primitives
    // ---------------------------------------------------------------------------------------------------

    private void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    private void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw ApplicationProblem.invalid(errors);
        }
    }

    static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private @Nullable String optional(String field, @Nullable String raw, int max) {
        if (!present(raw)) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > max) {
            error(field, "is longer than " + max + " characters");
        }
        if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            error(field, "contains control characters");
        }
        return s;
    }

    private @Nullable String required(String field, @Nullable String raw, int max) {
        if (!present(raw)) {
            error(field, "is required");
            return null;
        }
        return optional(field, raw, max);
    }

    private @Nullable String country(String field, @Nullable String raw) {
        if (!present(raw)) {
            error(field, "is required (ISO 3166-1 alpha-2, e.g. DE)");
            return null;
        }
        if (!CountryCode.isValid(raw)) {
            error(field, "'" + echo(raw) + "' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return CountryCode.of(raw).value();
    }

    private @Nullable String currency(String field, @Nullable String raw) {
        if (!present(raw)) {
            error(field, "is required (ISO 4217, e.g. EUR)");
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3 && Currency.getAvailableCurrencies().contains(Currency.getInstance(code))) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // not a currency; reported below
        }
        error(field, "'" + echo(raw) + "' is not an ISO 4217 currency code");
        return null;
    }

    private @Nullable QuantityUnit unit(String field, @Nullable String raw) {
        if (!present(raw)) {
            error(field, "is required (kg, t, g or pieces)");
            return null;
        }
        QuantityUnit unit = QuantityUnit.parse(raw);
        if (unit == null) {
            error(field, "'" + echo(raw) + "' is not one of kg, t, g, pieces");
        }
        return unit;
    }

    private @Nullable BigDecimal decimal(String field, @Nullable String raw) {
        if (!present(raw)) {
            error(field, "is required");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            if (value.abs().compareTo(new BigDecimal("1e13")) >= 0) {
                error(field, "is too large");
                return null;
            }
            return new BigDecimal(value.stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            error(field, "'" + echo(raw) + "' is not a number");
            return null;
        }
    }

    private @Nullable BigDecimal positive(String field, @Nullable String raw) {
        BigDecimal v = decimal(field, raw);
        if (v != null && v.signum() <= 0) {
            error(field, "must be greater than 0, not " + v.toPlainString());
            return null;
        }
        if (v != null && v.scale() > 6) {
            error(field, "at most 6 decimal places");
            return null;
        }
        return v;
    }

    private @Nullable BigDecimal nonNegative(String field, @Nullable String raw) {
        BigDecimal v = decimal(field, raw);
        if (v != null && v.signum() < 0) {
            error(field, "must not be negative");
            return null;
        }
        if (v != null && v.scale() > 4) {
            error(field, "at most 4 decimal places");
            return null;
        }
        return v;
    }

    private @Nullable Integer year(String field, @Nullable String raw) {
        if (!present(raw)) {
            error(field, "is required");
            return null;
        }
        try {
            int y = Integer.parseInt(raw.strip());
            if (y < 1950 || y > LocalDate.now().getYear()) {
                error(field, "must be between 1950 and this year");
                return null;
            }
            return y;
        } catch (NumberFormatException e) {
            error(field, "'" + echo(raw) + "' is not a year");
            return null;
        }
    }

    private @Nullable LocalDate date(String field, @Nullable String raw) {
        if (!present(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            error(field, "'" + echo(raw) + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private static String echo(@Nullable String raw) {
        String s = String.valueOf(raw);
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
