package org.lodestone.licensing.review.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.ui.ApplicationPages;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.review.Answer;
import org.lodestone.licensing.review.ApprovalTerms;
import org.lodestone.licensing.review.QueueFilter;
import org.lodestone.licensing.review.QueuePage;
import org.lodestone.licensing.review.RequestedItem;
import org.lodestone.licensing.review.ReviewCommands;
import org.lodestone.licensing.review.ReviewProblem;
import org.lodestone.licensing.review.Reviews;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review pages: the queue with its filters (a plain GET form that htmx turns into a partial update), and one POST
 * per review act from the review panel of the application page. Every act redirects back to the panel with a notice
 * (post/redirect/get); a refused act re-renders the application page with the problem's status: 422 naming each field
 * and reason, 409 asking to reload because someone else acted first. 403 and 404 stay error pages.
 */
@Controller
class ReviewPages {

    static final int PAGE_SIZE = 25;

    private final Reviews reviews;
    private final ApplicationPages applicationPages;
    private final MessageSource messages;

    ReviewPages(Reviews reviews, ApplicationPages applicationPages, MessageSource messages) {
        this.reviews = reviews;
        this.applicationPages = applicationPages;
        this.messages = messages;
    }

    // ---- queue ------------------------------------------------------------------------------------------------------

    /** The filter form as typed, echoed back; numbers stay text so that a typo is reported, not a 400. */
    record QueueForm(
            @Nullable String state,
            @Nullable String element,
            @Nullable String destination,
            @Nullable String minAgeDays,
            @Nullable String maxDaysLeft,
            boolean overdue,
            @Nullable String assignee,
            @Nullable String q,
            @Nullable String sort,
            int page) {

        /** The query string of this filter on another page, for the paging links. */
        public String query(int otherPage) {
            var parts = new ArrayList<String>();
            add(parts, "state", state);
            add(parts, "element", element);
            add(parts, "destination", destination);
            add(parts, "minAgeDays", minAgeDays);
            add(parts, "maxDaysLeft", maxDaysLeft);
            if (overdue) {
                parts.add("overdue=true");
            }
            add(parts, "assignee", assignee);
            add(parts, "q", q);
            add(parts, "sort", sort);
            parts.add("page=" + otherPage);
            return "?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "="
                        + java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @GetMapping("/review")
    String queue(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String element,
            @RequestParam(required = false) @Nullable String destination,
            @RequestParam(required = false) @Nullable String minAgeDays,
            @RequestParam(required = false) @Nullable String maxDaysLeft,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
            Model model,
            HttpServletResponse response) {
        var form = new QueueForm(
                state, element, destination, minAgeDays, maxDaysLeft, overdue, assignee, q, sort, Math.max(0, page));
        model.addAttribute("filter", form);
        model.addAttribute(
                "states",
                List.of(
                        ApplicationState.SUBMITTED,
                        ApplicationState.IN_REVIEW,
                        ApplicationState.INFORMATION_REQUESTED,
                        ApplicationState.APPROVAL_PROPOSED));
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ApplicationState> states = EnumSet.noneOf(ApplicationState.class);
        if (state != null && !state.isBlank()) {
            try {
                states.add(ApplicationState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.put("state", "'" + state + "' is no state of the queue");
            }
        }
        Integer minAge = number("minAgeDays", minAgeDays, errors);
        Integer maxLeft = number("maxDaysLeft", maxDaysLeft, errors);
        QueueFilter.Sort order = "age".equalsIgnoreCase(sort) ? QueueFilter.Sort.AGE : QueueFilter.Sort.DEADLINE;
        QueuePage result = null;
        if (errors.isEmpty()) {
            try {
                result = reviews.queue(new QueueFilter(
                        states,
                        element,
                        destination,
                        minAge,
                        maxLeft,
                        overdue,
                        assignee,
                        q,
                        order,
                        form.page(),
                        PAGE_SIZE));
            } catch (ReviewProblem p) {
                if (p.getStatusCode().value() != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                    throw p;
                }
                errors.putAll(fieldErrors(p));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("pages", result == null ? 0 : (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        // htmx swaps only the results; restoring a pushed address from history needs the whole page
        return htmx != null && restore == null ? "licensing/review/queue :: results" : "licensing/review/queue";
    }

    private static @Nullable Integer number(String field, @Nullable String raw, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + raw + "' is no whole number");
            return null;
        }
    }

    // ---- acts -------------------------------------------------------------------------------------------------------

    @PostMapping("/applications/{id}/assignment")
    String assign(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "assignment", form, model, response, redirect, () -> {
            reviews.assign(ApplicationId.of(id), assignee);
            return assignee == null || assignee.isBlank()
                    ? message("review.notice.released")
                    : message("review.notice.assigned", assignee);
        });
    }

    @PostMapping("/applications/{id}/notes")
    String note(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "notes", form, model, response, redirect, () -> {
            reviews.addNote(ApplicationId.of(id), body);
            return message("review.notice.noted");
        });
    }

    @PostMapping("/applications/{id}/information-requests")
    String requestInformation(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "request", form, model, response, redirect, () -> {
            List<String> kinds = values(form, "kind");
            List<String> types = values(form, "documentType");
            List<String> targets = values(form, "target");
            List<String> questions = values(form, "question");
            List<ReviewCommands.Ask> asks = new ArrayList<>();
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                String question = at(questions, i);
                String type = at(types, i);
                if (question.isBlank() && type.isBlank()) {
                    continue; // an empty row of the form
                }
                asks.add(new ReviewCommands.Ask(
                        enumOf(RequestedItem.Kind.class, "items[" + asks.size() + "].kind", at(kinds, i), errors),
                        enumOf(DocumentType.class, "items[" + asks.size() + "].documentType", type, errors),
                        blankToNull(at(targets, i)),
                        question));
            }
            LocalDate due = date("dueOn", form.getFirst("dueOn"), errors);
            Long version = version(form, errors);
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            var request = reviews.requestInformation(
                    ApplicationId.of(id),
                    new ReviewCommands.RequestInformation(version, form.getFirst("message"), asks, due));
            return message("review.notice.requested", request.number(), request.dueOn());
        });
    }

    @PostMapping("/applications/{id}/information-requests/{rid}/response")
    String respond(
            @PathVariable String id,
            @PathVariable String rid,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "response", form, model, response, redirect, () -> {
            ApplicationId appId = ApplicationId.of(id);
            UUID requestId = uuid("request", rid);
            var request = reviews.informationRequest(appId, requestId);
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            for (RequestedItem item : request.items()) {
                List<UUID> documents = new ArrayList<>();
                for (String d : values(form, "documents-" + item.no())) {
                    if (!d.isBlank()) {
                        try {
                            documents.add(UUID.fromString(d.strip()));
                        } catch (IllegalArgumentException e) {
                            errors.add(new ReviewProblem.FieldError(
                                    "answers[" + (item.no() - 1) + "].documentIds", "'" + d + "' is no document id"));
                        }
                    }
                }
                answers.add(new Answer(item.no(), blankToNull(form.getFirst("text-" + item.no())), documents));
            }
            Long version = version(form, errors);
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            var answered = reviews.respond(appId, requestId, new ReviewCommands.Respond(version, answers));
            return message("review.notice.answered", answered.number());
        });
    }

    @PostMapping("/applications/{id}/consultations")
    String consult(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "consultation", form, model, response, redirect, () -> {
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            LocalDate due = date("dueOn", form.getFirst("dueOn"), errors);
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            var consultation = reviews.consult(
                    ApplicationId.of(id),
                    new ReviewCommands.Consult(
                            form.getFirst("authority"),
                            form.getFirst("question"),
                            due,
                            form.containsKey("pausesClock")));
            return message("review.notice.consulted", consultation.consultedName());
        });
    }

    @PostMapping("/applications/{id}/consultations/{cid}/answer")
    String answerConsultation(
            @PathVariable String id,
            @PathVariable String cid,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "consultationAnswer", form, model, response, redirect, () -> {
            reviews.answerConsultation(ApplicationId.of(id), uuid("consultation", cid), form.getFirst("answer"));
            return message("review.notice.consultationAnswered");
        });
    }

    @PostMapping("/applications/{id}/decision")
    String decide(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String outcome = form.getFirst("outcome");
        String section = "REFUSE".equals(outcome) ? "refusal" : "proposal";
        return act(id, section, form, model, response, redirect, () -> {
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            ReviewCommands.Outcome chosen = enumOf(ReviewCommands.Outcome.class, "outcome", outcome, errors);
            Long version = version(form, errors);
            ApprovalTerms terms = null;
            if (chosen == ReviewCommands.Outcome.PROPOSE_APPROVAL) {
                List<String> conditions = String.valueOf(
                                form.getFirst("conditions") == null ? "" : form.getFirst("conditions"))
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
                LocalDate from = date("terms.validFrom", form.getFirst("validFrom"), errors);
                LocalDate to = date("terms.validTo", form.getFirst("validTo"), errors);
                List<ApprovalTerms.LicensedQuantity> quantities = new ArrayList<>();
                for (String key : form.keySet()) {
                    if (!key.startsWith("quantity-")) {
                        continue;
                    }
                    String raw = form.getFirst(key);
                    if (raw == null || raw.isBlank()) {
                        continue; // licensed as applied for
                    }
                    int itemNo;
                    try {
                        itemNo = Integer.parseInt(key.substring("quantity-".length()));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    try {
                        quantities.add(new ApprovalTerms.LicensedQuantity(itemNo, new BigDecimal(raw.strip())));
                    } catch (NumberFormatException e) {
                        errors.add(new ReviewProblem.FieldError(
                                "terms.quantities[" + (itemNo - 1) + "].quantity", "'" + raw + "' is no number"));
                    }
                }
                terms = new ApprovalTerms(conditions, from, to, quantities);
            }
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            reviews.decide(
                    ApplicationId.of(id),
                    new ReviewCommands.Decide(
                            version,
                            chosen,
                            form.getFirst("reasonCode"),
                            form.getFirst("text"),
                            form.getFirst("internalNote"),
                            terms));
            return chosen == ReviewCommands.Outcome.REFUSE
                    ? message("review.notice.refused")
                    : message("review.notice.proposed");
        });
    }

    @PostMapping("/applications/{id}/countersignature")
    String countersign(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "countersignature", form, model, response, redirect, () -> {
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            ReviewCommands.Countersignature outcome =
                    enumOf(ReviewCommands.Countersignature.class, "outcome", form.getFirst("outcome"), errors);
            Long version = version(form, errors);
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            var file = reviews.countersign(
                    ApplicationId.of(id), new ReviewCommands.Countersign(version, outcome, form.getFirst("comment")));
            if (outcome == ReviewCommands.Countersignature.RETURN) {
                return message("review.notice.returned");
            }
            String number = file.decisions().isEmpty()
                    ? ""
                    : String.valueOf(file.decisions().getLast().licenceNumber());
            return message("review.notice.countersigned", number);
        });
    }

    // ---- the common part of every act ---------------------------------------------------------------------------

    /**
     * Runs the act; on success redirects to the review panel with its notice. A 404 or 403 stays an error page; other
     * refusals (409, 422, 428) re-render the application page with the problem's status, the message and each field.
     */
    private String act(
            String id,
            String section,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<String> work) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            String notice = work.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/applications/" + appId + "#review";
        } catch (ErrorResponseException p) {
            int status = p.getStatusCode().value();
            if (status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.FORBIDDEN.value()) {
                throw p;
            }
            String detail = p.getBody().getDetail() == null ? "" : p.getBody().getDetail();
            response.setStatus(status);
            model.addAttribute(
                    "reviewProblem",
                    status == HttpStatus.CONFLICT.value()
                            ? message("review.problem.conflict", detail)
                            : status == HttpStatus.UNPROCESSABLE_CONTENT.value()
                                    ? message("review.problem.invalid")
                                    : detail);
            model.addAttribute("reviewErrors", fieldErrors(p));
            model.addAttribute("reviewSection", section);
            model.addAttribute("reviewForm", form.toSingleValueMap());
            return applicationPages.page(appId, model);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fieldErrors(ErrorResponseException p) {
        Map<String, String> errors = new LinkedHashMap<>();
        var properties = p.getBody().getProperties();
        Object raw = properties == null ? null : properties.get("errors");
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    errors.merge(
                            String.valueOf(m.get("field")), String.valueOf(m.get("reason")), (a, b) -> a + "; " + b);
                }
            }
        }
        return errors;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static @Nullable Long version(MultiValueMap<String, String> form, List<ReviewProblem.FieldError> errors) {
        String raw = form.getFirst("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new ReviewProblem.FieldError("version", "'" + raw + "' is no version; reload the page"));
            return null;
        }
    }

    private static @Nullable LocalDate date(String field, @Nullable String raw, List<ReviewProblem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ReviewProblem.FieldError(field, "'" + raw + "' is no date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumOf(
            Class<E> type, String field, @Nullable String raw, List<ReviewProblem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ReviewProblem.FieldError(field, "'" + raw + "' is not one of the choices"));
            return null;
        }
    }

    private static UUID uuid(String what, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ReviewProblem.notFound("No " + what + " " + raw + ".");
        }
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null ? List.of() : v;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
