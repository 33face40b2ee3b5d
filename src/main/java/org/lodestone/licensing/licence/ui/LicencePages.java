package org.lodestone.licensing.licence.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceProblem;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.RecordShipment;
import org.lodestone.licensing.Shipment;
import org.lodestone.licensing.ShipmentLine;
import org.lodestone.licensing.licence.LicenceAccess;
import org.lodestone.licensing.licence.LicenceAccess.Action;
import org.lodestone.licensing.licence.LicenceCertificates;
import org.lodestone.licensing.licence.LicenceLedger;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Licence pages. The same need-to-know as the API: strangers get the 404 page, readers see no buttons for actions
 * they may not take (and get 403 if they post anyway). Refused shipments and status changes re-render the page with
 * the problem's message and its HTTP status (409/422).
 */
@Controller
class LicencePages {

    private final LicenceLedger ledger;
    private final LicenceAccess access;
    private final LicenceCertificates certificates;
    private final Identity identity;

    LicencePages(LicenceLedger ledger, LicenceAccess access, LicenceCertificates certificates, Identity identity) {
        this.ledger = ledger;
        this.access = access;
        this.certificates = certificates;
        this.identity = identity;
    }

    @GetMapping("/licences")
    String list(Model model) {
        model.addAttribute("licences", ledger.visibleTo(user(), access));
        return "licensing/licence/list";
    }

    @GetMapping("/licences/{number}")
    String detail(@PathVariable String number, Model model) {
        Licence licence = access.require(number, user(), Action.READ);
        populate(model, licence, null, null);
        return "licensing/licence/detail";
    }

    @GetMapping("/licences/{number}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String number) {
        Licence licence = access.require(number, user(), Action.CERTIFICATE);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("licence-" + licence.number() + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(certificates.pdf(licence));
    }

    @PostMapping("/licences/{number}/shipments")
    String recordShipment(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Licence licence = access.require(number, user(), Action.SHIP);
        try {
            Shipment shipment = ledger.recordShipment(toCommand(licence, form));
            redirect.addFlashAttribute(
                    "message",
                    shipment.repeated()
                            ? "Shipment " + shipment.reference() + " was already recorded; nothing was depleted again."
                            : "Shipment " + shipment.reference() + " recorded.");
            return "redirect:/licences/" + licence.number();
        } catch (LicenceProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            populate(model, ledger.find(licence.number()).orElse(licence), problem, form);
            return "licensing/licence/detail";
        }
    }

    @PostMapping("/licences/{number}/status")
    String changeStatus(
            @PathVariable String number,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Licence licence = access.require(number, user(), Action.CHANGE_STATUS);
        try {
            LicenceStatus target;
            try {
                target = LicenceStatus.valueOf(status == null ? "" : status);
            } catch (IllegalArgumentException e) {
                throw LicenceProblem.invalid("status", "choose SUSPENDED, ISSUED (reinstate) or REVOKED");
            }
            if (version == null) {
                throw LicenceProblem.invalid("version", "missing; reload the page");
            }
            Licence changed = ledger.changeStatus(licence.number(), target, reason, version);
            redirect.addFlashAttribute("message", "Licence " + changed.number() + " is now " + changed.status() + ".");
            return "redirect:/licences/" + licence.number();
        } catch (LicenceProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            populate(model, ledger.find(licence.number()).orElse(licence), problem, null);
            return "licensing/licence/detail";
        }
    }

    private void populate(
            Model model, Licence licence, @Nullable LicenceProblem problem, @Nullable Map<String, String> form) {
        CurrentUser user = user();
        model.addAttribute("licence", licence);
        model.addAttribute("shipments", ledger.shipments(licence.number()));
        model.addAttribute(
                "canShip", access.may(user, licence, Action.SHIP) && licence.status() == LicenceStatus.ISSUED);
        model.addAttribute("canCertificate", access.may(user, licence, Action.CERTIFICATE));
        model.addAttribute(
                "canChangeStatus",
                access.may(user, licence, Action.CHANGE_STATUS)
                        && !licence.status().isFinal());
        model.addAttribute("today", ledger.today());
        model.addAttribute("form", form == null ? Map.of() : form);
        if (problem != null) {
            model.addAttribute("error", problem.detail());
        }
    }

    private static RecordShipment toCommand(Licence licence, Map<String, String> form) {
        var problems = new ArrayList<Map<String, String>>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(form.getOrDefault("shipmentDate", "").strip());
        } catch (DateTimeParseException e) {
            problems.add(Map.of("field", "shipmentDate", "reason", "a date is required (YYYY-MM-DD)"));
        }
        List<ShipmentLine> lines = new ArrayList<>();
        for (LicenceLine line : licence.lines()) {
            String raw = form.getOrDefault("quantity" + line.lineNo(), "").strip();
            if (raw.isEmpty()) {
                continue;
            }
            try {
                lines.add(new ShipmentLine(
                        line.lineNo(),
                        new BigDecimal(raw.replace(',', '.')),
                        form.getOrDefault("unit" + line.lineNo(), line.unit())));
            } catch (NumberFormatException e) {
                problems.add(Map.of("field", "line " + line.lineNo(), "reason", "'" + raw + "' is not a number"));
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(Map.of("field", "lines", "reason", "enter a quantity for at least one line"));
        }
        if (!problems.isEmpty()) {
            throw LicenceProblem.invalid(problems);
        }
        String consignee = form.get("consignee");
        return new RecordShipment(
                licence.number(),
                date,
                form.getOrDefault("reference", ""),
                lines,
                consignee == null || consignee.isBlank() ? null : consignee,
                "UI");
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication required"));
    }
}
