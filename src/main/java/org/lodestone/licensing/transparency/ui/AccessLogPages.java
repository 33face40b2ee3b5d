package org.lodestone.licensing.transparency.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.transparency.AccessLogPage;
import org.lodestone.licensing.transparency.AccessLogs;
import org.lodestone.licensing.transparency.TransparencyProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's access log page ({@code /access-log}, #6): a filter form (GET) and the table, paged. */
@Controller
class AccessLogPages {

    private final AccessLogs logs;
    private final Identity identity;

    AccessLogPages(AccessLogs logs, Identity identity) {
        this.logs = logs;
        this.identity = identity;
    }

    @GetMapping("/access-log")
    String page(
            @RequestParam(required = false) @Nullable String application,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        CurrentUser user =
                identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        // not "application": Thymeleaf reserves that name for the servlet context
        model.addAttribute("filterApplication", application == null ? "" : application);
        model.addAttribute("filterFrom", from == null ? "" : from);
        model.addAttribute("filterTo", to == null ? "" : to);
        try {
            AccessLogPage log = logs.of(user, application, from, to, page, 50);
            model.addAttribute("log", log);
        } catch (TransparencyProblem problem) {
            if (problem.getStatusCode().value() != 422) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("filterError", problem.field() + ": " + problem.reason());
            model.addAttribute("log", new AccessLogPage(java.util.List.of(), 0, 50, 0));
        }
        return "licensing/transparency/access-log";
    }
}
