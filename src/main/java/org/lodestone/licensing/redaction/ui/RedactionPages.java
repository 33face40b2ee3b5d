package org.lodestone.licensing.redaction.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.redaction.Area;
import org.lodestone.licensing.redaction.Audience;
import org.lodestone.licensing.redaction.DocumentRedaction;
import org.lodestone.licensing.redaction.FieldRedactions;
import org.lodestone.licensing.redaction.RedactionOutcome;
import org.lodestone.licensing.redaction.RedactionProblem;
import org.lodestone.licensing.redaction.RedactionRequest;
import org.lodestone.licensing.redaction.Redactions;
import org.lodestone.licensing.redaction.SensitiveField;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The redaction form of an evidence PDF ({@code /applications/{id}/documents/{doc}/redact}) and the field marks form
 * of the application page. The result is rendered in answer to the POST, not redirected: the terms must not travel in
 * a URL or a flash attribute kept in the session.
 */
@Controller
class RedactionPages {

    private static final String VIEW = "licensing/redaction/redact";

    private final Redactions redactions;
    private final FieldRedactions fields;
    private final Identity identity;

    RedactionPages(Redactions redactions, FieldRedactions fields, Identity identity) {
        this.redactions = redactions;
        this.fields = fields;
        this.identity = identity;
    }

    @GetMapping("/applications/{id}/documents/{documentId}/redact")
    String form(@PathVariable UUID id, @PathVariable UUID documentId, Model model) {
        EvidenceDocument document = redactions.redactable(new ApplicationId(id), new DocumentId(documentId), user());
        return form(model, id, document, "", "", EnumSet.of(Audience.CONSULTED_AUTHORITY), true, null);
    }

    @PostMapping("/applications/{id}/documents/{documentId}/redact")
    String redact(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @RequestParam(name = "terms", required = false) @Nullable String terms,
            @RequestParam(name = "areas", required = false) @Nullable String areas,
            @RequestParam(name = "audiences", required = false) @Nullable List<String> audiences,
            @RequestParam(name = "keepOriginal", required = false) @Nullable String keepOriginal,
            Model model,
            HttpServletResponse response) {
        var application = new ApplicationId(id);
        var doc = new DocumentId(documentId);
        CurrentUser user = user();
        EvidenceDocument document = redactions.redactable(application, doc, user);
        String termText = terms == null ? "" : terms;
        String areaText = areas == null ? "" : areas;
        Set<Audience> chosen = EnumSet.noneOf(Audience.class);
        try {
            for (String name : audiences == null ? List.<String>of() : audiences) {
                try {
                    chosen.add(Audience.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw RedactionProblem.invalid("audiences", "'" + name + "' is not an audience");
                }
            }
            if (keepOriginal == null || !(keepOriginal.equals("true") || keepOriginal.equals("false"))) {
                throw RedactionProblem.invalid("keepOriginal", "choose whether the original is kept");
            }
            var request =
                    new RedactionRequest(lines(termText), areas(areaText), chosen, Boolean.parseBoolean(keepOriginal));
            RedactionOutcome outcome = redactions.redact(application, doc, request, user);
            model.addAttribute("applicationId", id);
            model.addAttribute("document", document);
            model.addAttribute("result", Result.of(outcome));
            return VIEW;
        } catch (RedactionProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return form(
                    model,
                    id,
                    document,
                    termText,
                    areaText,
                    chosen,
                    !"false".equals(keepOriginal),
                    problem.getBody().getDetail());
        }
    }

    @PostMapping("/applications/{id}/field-redactions")
    String markFields(
            @PathVariable UUID id,
            @RequestParam(name = "mark", required = false) @Nullable List<String> marks,
            RedirectAttributes redirect) {
        CurrentUser user = user();
        fields.authorise(new ApplicationId(id), user);
        Map<SensitiveField, Set<Audience>> chosen = new EnumMap<>(SensitiveField.class);
        for (String mark : marks == null ? List.<String>of() : marks) {
            String[] parts = mark.split(":", 2);
            try {
                chosen.computeIfAbsent(SensitiveField.valueOf(parts[0]), f -> EnumSet.noneOf(Audience.class))
                        .add(Audience.valueOf(parts.length > 1 ? parts[1] : ""));
            } catch (IllegalArgumentException e) {
                throw RedactionProblem.invalid("mark", "'" + mark + "' names no field and audience");
            }
        }
        fields.mark(new ApplicationId(id), chosen, user);
        redirect.addFlashAttribute("fieldsSaved", true);
        return "redirect:/applications/" + id + "#field-redactions";
    }

    private String form(
            Model model,
            UUID application,
            EvidenceDocument document,
            String terms,
            String areas,
            Set<Audience> audiences,
            boolean keepOriginal,
            @Nullable String error) {
        model.addAttribute("applicationId", application);
        model.addAttribute("document", document);
        model.addAttribute("terms", terms);
        model.addAttribute("areas", areas);
        model.addAttribute("allAudiences", Arrays.asList(Audience.values()));
        model.addAttribute("audiences", audiences);
        model.addAttribute("keepOriginal", keepOriginal);
        model.addAttribute("error", error);
        return VIEW;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** One area per line: page, x, y, width, height (commas or spaces). */
    static List<Area> areas(String text) {
        List<Area> result = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] numbers = lines.get(i).split("[,;\\s]+");
            try {
                if (numbers.length != 5) {
                    throw new NumberFormatException();
                }
                result.add(new Area(
                        Integer.parseInt(numbers[0]),
                        Double.parseDouble(numbers[1]),
                        Double.parseDouble(numbers[2]),
                        Double.parseDouble(numbers[3]),
                        Double.parseDouble(numbers[4])));
            } catch (NumberFormatException e) {
                throw RedactionProblem.invalid(
                        "areas[" + i + "]",
                        "write page, x, y, width and height as five numbers (line " + (i + 1) + ")");
            }
        }
        return result;
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    /** The result page's model: per term (as given) its count on each page; the copy's id. */
    record Result(
            UUID copyId,
            String copyName,
            List<TermRow> terms,
            int areas,
            List<Integer> rasterised,
            int pages,
            boolean keepOriginal,
            Set<Audience> audiences) {

        record TermRow(String term, int total, String pages) {}

        static Result of(RedactionOutcome outcome) {
            DocumentRedaction r = outcome.redaction();
            List<TermRow> rows = new ArrayList<>();
            for (int t = 0; t < outcome.terms().size(); t++) {
                int index = t;
                var counts = r.counts().stream().filter(c -> c.term() == index).toList();
                rows.add(new TermRow(
                        outcome.terms().get(t),
                        counts.stream().mapToInt(c -> c.count()).sum(),
                        String.join(
                                ", ",
                                counts.stream()
                                        .map(c -> "p. " + c.page() + ": " + c.count())
                                        .toList())));
            }
            return new Result(
                    outcome.copy().id().value(),
                    outcome.copy().filename(),
                    rows,
                    r.areas().size(),
                    r.rasterised(),
                    r.pages(),
                    r.keepOriginal(),
                    r.audiences());
        }
    }
}
