package org.lodestone.traceability.signals.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.signals.Signal;
import org.lodestone.traceability.signals.SignalDesk;
import org.lodestone.traceability.signals.SignalKind;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The enforcement dashboard: counts by kind, the list of signals in the caller's jurisdiction with kind and state
 * filters, and the selected signal's evidence trail with the confirm/dismiss form. A decision redirects back to the
 * signal; a refused one re-renders the page with the reason and the status of the refusal.
 */
@Controller
class SignalPages {

    private final SignalDesk desk;
    private final MessageSource messages;

    SignalPages(SignalDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/traceability/signals")
    String dashboard(
            @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(defaultValue = "ALL") String kind,
            @RequestParam(required = false) @Nullable String id,
            Model model) {
        fill(model, state, kind, id);
        return "traceability/signals";
    }

    @PostMapping("/traceability/signals/{id}/state")
    String decide(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            SignalDesk.Detail d = desk.decide(id, state, reason, version);
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "traceability.notice.signalDecided",
                            new Object[] {d.signal().state().name()},
                            LocaleContextHolder.getLocale()));
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/traceability/signals")
                            .queryParam("state", "ALL")
                            .queryParam("id", d.signal().id())
                            .build()
                            .toUriString();
        } catch (ErrorResponseException p) {
            int status = p.getStatusCode().value();
            if (status == 404 || status == 403) {
                throw p;
            }
            response.setStatus(status);
            model.addAttribute("problem", p.getBody().getDetail());
            model.addAttribute("posted", reason == null ? "" : reason);
            fill(model, "ALL", "ALL", id);
            return "traceability/signals";
        }
    }

    private void fill(Model model, String state, String kind, @Nullable String id) {
        model.addAttribute("state", state.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("kind", kind.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute(
                "states", Arrays.stream(Signal.State.values()).map(Enum::name).toList());
        model.addAttribute(
                "kinds", Arrays.stream(SignalKind.values()).map(Enum::name).toList());
        model.addAttribute("counts", desk.counts(state));
        List<Signal> list = desk.list(kind, state, 200);
        model.addAttribute("signals", list);
        model.addAttribute("selected", id == null || id.isBlank() ? null : desk.find(id));
    }
}
