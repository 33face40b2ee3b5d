package org.lodestone.licensing.licence.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceProblem;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.RecordShipment;
import org.lodestone.licensing.Shipment;
import org.lodestone.licensing.ShipmentLine;
import org.lodestone.licensing.licence.LicenceAccess;
import org.lodestone.licensing.licence.LicenceAccess.Action;
import org.lodestone.licensing.licence.LicenceCertificates;
import org.lodestone.licensing.licence.LicenceLedger;
import org.lodestone.licensing.licence.store.LicenceStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Licences over HTTP: list and read (need-to-know), certificate PDF, shipments, status changes. */
@RestController
@Tag(name = "Licences", description = "Issued licences, their certificates, shipments that deplete them, status")
class LicenceApi {

    private final LicenceLedger ledger;
    private final LicenceAccess access;
    private final LicenceCertificates certificates;
    private final Identity identity;

    LicenceApi(LicenceLedger ledger, LicenceAccess access, LicenceCertificates certificates, Identity identity) {
        this.ledger = ledger;
        this.access = access;
        this.certificates = certificates;
        this.identity = identity;
    }

    @GetMapping(path = "/api/v1/licences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Licences you may see",
            description = "The holder sees its licences; the issuing authority's reviewers and supervisors the licences"
                    + " it issued; national enforcement and auditors all licences of their country. Newest first.")
    List<LicenceSummary> list() {
        return ledger.visibleTo(user(), access).stream().map(LicenceSummary::of).toList();
    }

    @GetMapping(path = "/api/v1/licences/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One licence with remaining quantities per line")
    @ApiResponse(responseCode = "404", description = "Unknown, or not yours to see")
    LicenceResponse read(@PathVariable String number) {
        return LicenceResponse.of(access.require(number, user(), Action.READ));
    }

    @GetMapping(path = "/api/v1/licences/{number}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The certificate (PDF with QR code and check code)",
            description = "Holder and the issuing authority's staff only; every download is audited.")
    @ApiResponse(responseCode = "403", description = "You may see the licence but not its check code")
    ResponseEntity<byte[]> certificate(@PathVariable String number) {
        Licence licence = access.require(number, user(), Action.CERTIFICATE);
        return pdf(licence, certificates.pdf(licence));
    }

    static ResponseEntity<byte[]> pdf(Licence licence, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("licence-" + licence.number() + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping(path = "/api/v1/licences/{number}/shipments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Shipments recorded against the licence, oldest first")
    List<ShipmentResponse> shipments(@PathVariable String number) {
        Licence licence = access.require(number, user(), Action.READ);
        return ledger.shipments(licence.number()).stream()
                .map(ShipmentResponse::of)
                .toList();
    }

    @PostMapping(
            path = "/api/v1/licences/{number}/shipments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a shipment (depletes the licence)",
            description = "By an APPLICANT of the holder. All lines are depleted or none. A reference already recorded"
                    + " for this licence returns the first shipment (200) and depletes nothing.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "Same reference recorded before: the first shipment")
    @ApiResponse(
            responseCode = "409",
            description = "licence-exhausted (line, remaining, requested) or licence-not-in-force")
    @ApiResponse(responseCode = "422", description = "Quantity ≤ 0, unknown line or unit; `errors` names each field")
    ResponseEntity<ShipmentResponse> record(@PathVariable String number, @RequestBody ShipmentRequest request) {
        Licence licence = access.require(number, user(), Action.SHIP);
        Shipment shipment = ledger.recordShipment(request.toCommand(licence.number(), "API"));
        return ResponseEntity.status(shipment.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ShipmentResponse.of(shipment));
    }

    @PostMapping(
            path = "/api/v1/licences/{number}/status",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Suspend, reinstate or revoke",
            description = "By a SUPERVISOR of the issuing authority. ISSUED → SUSPENDED → ISSUED; ISSUED/SUSPENDED →"
                    + " REVOKED (final). `version` is the version you read; a stale one is a 409.")
    @ApiResponse(responseCode = "409", description = "Illegal transition or stale version")
    LicenceResponse changeStatus(@PathVariable String number, @RequestBody StatusRequest request) {
        Licence licence = access.require(number, user(), Action.CHANGE_STATUS);
        var errors = new ArrayList<Map<String, String>>();
        if (request.status() == null) {
            errors.add(Map.of("field", "status", "reason", "required: ISSUED, SUSPENDED or REVOKED"));
        }
        if (request.version() == null) {
            errors.add(Map.of("field", "version", "reason", "required: the version you read"));
        }
        if (!errors.isEmpty()) {
            throw LicenceProblem.invalid(errors);
        }
        return LicenceResponse.of(
                ledger.changeStatus(licence.number(), request.status(), request.reason(), request.version()));
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication required"));
    }

    // ---- bodies --------------------------------------------------------------------------------------------------

    record QuantityRequest(
            @Nullable BigDecimal value, @Nullable String unit) {}

    record ShipmentLineRequest(
            @Nullable Integer line, @Nullable QuantityRequest quantity) {}

    record ShipmentRequest(
            @Nullable LocalDate shipmentDate,
            @Nullable String reference,
            @Nullable List<ShipmentLineRequest> lines,
            @Nullable String consignee) {

        RecordShipment toCommand(LicenceNumber number, String source) {
            var errors = new ArrayList<Map<String, String>>();
            if (shipmentDate == null) {
                errors.add(Map.of("field", "shipmentDate", "reason", "required (YYYY-MM-DD)"));
            }
            if (reference == null || reference.isBlank()) {
                errors.add(Map.of("field", "reference", "reason", "required, e.g. the customs declaration number"));
            }
            if (lines == null || lines.isEmpty()) {
                errors.add(Map.of("field", "lines", "reason", "at least one line"));
            }
            if (consignee != null && consignee.length() > 300) {
                errors.add(Map.of("field", "consignee", "reason", "at most 300 characters"));
            }
            var converted = new ArrayList<ShipmentLine>();
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    ShipmentLineRequest l = lines.get(i);
                    String at = "lines[" + i + "]";
                    if (l == null || l.line() == null) {
                        errors.add(Map.of("field", at + ".line", "reason", "required: the licence line number"));
                        continue;
                    }
                    if (l.quantity() == null
                            || l.quantity().value() == null
                            || l.quantity().unit() == null) {
                        errors.add(Map.of(
                                "field", at + ".quantity", "reason", "required: {\"value\": …, \"unit\": \"kg\"}"));
                        continue;
                    }
                    converted.add(new ShipmentLine(
                            l.line(), l.quantity().value(), l.quantity().unit()));
                }
            }
            if (!errors.isEmpty()) {
                throw LicenceProblem.invalid(errors);
            }
            return new RecordShipment(number, shipmentDate, reference, converted, consignee, source);
        }
    }

    record StatusRequest(
            @Nullable LicenceStatus status,
            @Nullable String reason,
            @Nullable Long version) {}

    record LicenceSummary(
            String number,
            LicenceType type,
            LicenceStatus status,
            String holder,
            String issuingAuthority,
            String consignee,
            String consigneeCountry,
            LocalDate validFrom,
            LocalDate validTo,
            Instant issuedAt) {

        static LicenceSummary of(Licence l) {
            return new LicenceSummary(
                    l.number().value(),
                    l.type(),
                    l.status(),
                    l.holderName(),
                    l.issuingAuthorityName(),
                    l.consignee().name(),
                    l.consignee().country().value(),
                    l.validFrom(),
                    l.validTo(),
                    l.issuedAt());
        }
    }

    record PartyResponse(String name, @Nullable String nameOriginal, String country) {
        static PartyResponse of(LicenceParty p) {
            return new PartyResponse(p.name(), p.nameOriginal(), p.country().value());
        }
    }

    record QuantityResponse(BigDecimal value, String unit) {}

    record LineResponse(
            int line,
            @Nullable String controlNumber,
            String entryKey,
            String description,
            QuantityResponse quantity,
            QuantityResponse remaining,
            QuantityResponse shipped,
            BigDecimal unitValue,
            String currency) {

        static LineResponse of(LicenceLine l) {
            return new LineResponse(
                    l.lineNo(),
                    l.controlNumber(),
                    l.entryKey(),
                    l.description(),
                    new QuantityResponse(l.quantity(), l.unit()),
                    new QuantityResponse(l.remaining(), l.unit()),
                    new QuantityResponse(LicenceStore.plain(l.shipped()), l.unit()),
                    l.unitValue(),
                    l.currency());
        }
    }

    record LicenceResponse(
            String number,
            LicenceType type,
            LicenceStatus status,
            @Nullable String statusReason,
            String applicationId,
            String applicationReference,
            String holderId,
            String holder,
            @Nullable String holderOriginal,
            String issuingAuthorityId,
            String issuingAuthority,
            PartyResponse consignee,
            PartyResponse endUser,
            List<LineResponse> lines,
            List<String> conditions,
            LocalDate validFrom,
            LocalDate validTo,
            Instant issuedAt,
            long version) {

        static LicenceResponse of(Licence l) {
            return new LicenceResponse(
                    l.number().value(),
                    l.type(),
                    l.status(),
                    l.statusReason(),
                    l.applicationId().toString(),
                    l.applicationReference(),
                    l.holder().toString(),
                    l.holderName(),
                    l.holderNameOriginal(),
                    l.issuingAuthority().toString(),
                    l.issuingAuthorityName(),
                    PartyResponse.of(l.consignee()),
                    PartyResponse.of(l.endUser()),
                    l.lines().stream().map(LineResponse::of).toList(),
                    l.conditions(),
                    l.validFrom(),
                    l.validTo(),
                    l.issuedAt(),
                    l.version());
        }
    }

    record ShipmentLineResponse(int line, QuantityResponse quantity, QuantityResponse depleted) {}

    record ShipmentResponse(
            String id,
            String licence,
            LocalDate shipmentDate,
            String reference,
            @Nullable String consignee,
            String source,
            List<ShipmentLineResponse> lines,
            Instant recordedAt,
            String recordedBy) {

        static ShipmentResponse of(Shipment s) {
            return new ShipmentResponse(
                    s.id().toString(),
                    s.licence().value(),
                    s.shipmentDate(),
                    s.reference(),
                    s.consignee(),
                    s.source(),
                    s.lines().stream()
                            .map(l -> new ShipmentLineResponse(
                                    l.line(),
                                    new QuantityResponse(l.quantity(), l.unit()),
                                    new QuantityResponse(l.quantityInLineUnit(), l.lineUnit())))
                            .toList(),
                    s.recordedAt(),
                    s.recordedBy());
        }
    }
}
