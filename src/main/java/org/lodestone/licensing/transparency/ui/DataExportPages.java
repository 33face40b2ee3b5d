package org.lodestone.licensing.transparency.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.transparency.DataExports;
import org.lodestone.licensing.transparency.TransparencyProblem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data-exports page ({@code /data-exports}, #6): the request form and the caller's requests for authority staff,
 * and for supervisors every request of the authority with the decision form. Forms post with a CSRF token; a refused
 * form re-renders the page with the reason and the problem's status.
 */
@Controller
class DataExportPages {

    private final DataExports exports;
    private final Identity identity;

    DataExportPages(DataExports exports, Identity identity) {
        this.exports = exports;
        this.identity = identity;
    }

    @GetMapping("/data-exports")
    String page(Model model) {
        return render(model, user());
    }

    @PostMapping("/data-exports")
    String request(
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = user();
        try {
            exports.request(user, reason, from, to);
            redirect.addFlashAttribute("requested", Boolean.TRUE);
            return "redirect:/data-exports";
        } catch (TransparencyProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("requestError", problem.field() + ": " + problem.reason());
            model.addAttribute("reason", reason);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return render(model, user);
        }
    }

    @PostMapping("/data-exports/{id}/decision")
    String decide(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = user();
        try {
            exports.decide(id, user, decision, reason);
            redirect.addFlashAttribute("decided", Boolean.TRUE);
            return "redirect:/data-exports";
        } catch (TransparencyProblem problem) {
            if (problem.getStatusCode().value() == 404) {
                throw problem;
            }
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("decisionError", problem.reason());
            model.addAttribute("decisionFor", id);
            return render(model, user);
        }
    }

    @GetMapping("/data-exports/{id}/content")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id) {
        DataExports.Download download = exports.download(id, user());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .contentLength(download.length())
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.filename())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    private String render(Model model, CurrentUser user) {
        model.addAttribute("requests", exports.list(user));
        model.addAttribute("mayDecide", DataExports.mayDecide(user));
        model.addAttribute("me", user.id().value());
        model.addAttribute("windowHours", DataExports.WINDOW.toHours());
        return "licensing/transparency/data-exports";
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }
}
