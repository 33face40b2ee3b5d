package org.lodestone.screening.hits.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.hits.Adjudications;
import org.lodestone.screening.hits.HitState;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hits queue (open hits of the caller's authority by default) with an adjudication form on each open hit the
 * caller may decide, and the same list as a fragment for the review panel of one application. A decision redirects
 * back (to the application page when it came from the review panel); a refused one re-renders the queue with the
 * reason.
 */
@Controller
class HitPages {

    private final Adjudications adjudications;
    private final MessageSource messages;

    HitPages(Adjudications adjudications, MessageSource messages) {
        this.adjudications = adjudications;
        this.messages = messages;
    }

    @GetMapping("/screening/hits")
    String queue(
            @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(required = false) @Nullable String application,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        fill(model, state, application, page);
        return "screening/hits";
    }

    @GetMapping("/screening/hits/panel")
    String panel(@RequestParam String application, Model model) {
        fill(model, "ALL", application, 0);
        model.addAttribute("returnTo", "/applications/" + subject(application) + "#review");
        return "screening/hits :: list";
    }

    @PostMapping("/screening/hits/{id}/adjudication")
    String adjudicate(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String rationale,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable String returnTo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID hit;
        try {
            hit = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ScreeningProblem.notFound("No screening hit " + id.replaceAll("\\p{Cntrl}", "?") + ".");
        }
        String back = returnTo != null
                        && (returnTo.startsWith("/applications/") || returnTo.startsWith("/screening/"))
                        && !returnTo.startsWith("//")
                ? returnTo
                : "/screening/hits";
        try {
            adjudications.adjudicate(hit, decision, rationale, version);
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("review.notice.screeningDecided", null, LocaleContextHolder.getLocale()));
            return "redirect:" + back;
        } catch (ErrorResponseException p) {
            int status = p.getStatusCode().value();
            if (status == 404 || status == 403) {
                throw p;
            }
            response.setStatus(status);
            model.addAttribute("problem", p.getBody().getDetail());
            model.addAttribute("failedHit", hit.toString());
            model.addAttribute("posted", rationale == null ? "" : rationale);
            fill(model, "OPEN", null, 0);
            return "screening/hits";
        }
    }

    private void fill(Model model, String state, @Nullable String application, int page) {
        HitState s = null;
        if (!"ALL".equalsIgnoreCase(state.strip())) {
            try {
                s = HitState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScreeningProblem.invalid("state", "must be OPEN, TRUE_MATCH, FALSE_POSITIVE, CLEARED or ALL");
            }
        }
        model.addAttribute("state", s == null ? "ALL" : s.name());
        model.addAttribute(
                "states", Arrays.stream(HitState.values()).map(Enum::name).toList());
        model.addAttribute("applicationFilter", application == null ? "" : application);
        model.addAttribute("result", adjudications.list(s, subject(application), Math.max(0, page), 50));
        model.addAttribute("decisions", List.of("FALSE_POSITIVE", "TRUE_MATCH"));
    }

    private static @Nullable UUID subject(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ScreeningProblem.invalid("application", "is not an id");
        }
    }
}
