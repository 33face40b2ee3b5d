package org.lodestone.controllist.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ControlEntry;
import org.lodestone.controllist.ControlList;
import org.lodestone.controllist.ControlListProblem;
import org.lodestone.controllist.LegalAct;
import org.lodestone.controllist.Suspension;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsing the catalogue as it stood on a date, with legal basis, confidence and suspension status per entry. */
@Controller
class ControlListPages {

    private final ControlList controlList;

    ControlListPages(ControlList controlList) {
        this.controlList = controlList;
    }

    /** One table row: the entry version, its legal act and the suspension covering it on the date (if any). */
    record Row(
            ControlEntry entry,
            @Nullable LegalAct act,
            @Nullable Suspension suspension,
            @Nullable LegalAct suspendedBy) {}

    @GetMapping("/control-list")
    String browse(
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String element,
            @RequestParam(required = false) @Nullable String q,
            Model model,
            HttpServletResponse response) {
        model.addAttribute(
                "date", date == null || date.isBlank() ? controlList.today().toString() : date.strip());
        model.addAttribute("element", element == null ? "" : element);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("revision", controlList.revision());
        try {
            LocalDate on = date == null || date.isBlank() ? controlList.today() : parse(date);
            Map<String, LegalAct> acts =
                    controlList.legalActs().stream().collect(Collectors.toMap(LegalAct::key, Function.identity()));
            List<Row> rows = controlList.entriesInForce(on, element, q).stream()
                    .map(e -> {
                        Suspension s = controlList.suspensionOf(e, on);
                        return new Row(e, acts.get(e.legalActKey()), s, s == null ? null : acts.get(s.legalActKey()));
                    })
                    .toList();
            model.addAttribute("rows", rows);
            model.addAttribute("errors", Map.of());
        } catch (ControlListProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("rows", List.of());
            model.addAttribute(
                    "errors",
                    problem.fieldProblems().stream()
                            .collect(Collectors.toMap(f -> f.field(), f -> f.reason(), (a, b) -> a + "; " + b)));
        }
        return "controllist/control-list";
    }

    private static LocalDate parse(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ControlListProblem.invalid("date", "'" + raw + "' is not an ISO date (YYYY-MM-DD)");
        }
    }
}
