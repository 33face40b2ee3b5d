package org.lodestone.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public start page: what Lodestone is and how to log in (with the demo accounts in demo mode), or, for a
 * logged-in user, a dashboard of what their roles let them do. Guarded by {@code LayoutTests} and
 * {@code HomeBrowserTests}.
 */
@Controller
class HomePage {

    /** A seeded demo account; the identity module creates them with password {@code demo} in demo mode. */
    record DemoLogin(String username, String role, String messageKey) {}

    static final List<DemoLogin> DEMO_LOGINS = List.of(
            new DemoLogin("applicant", "APPLICANT", "home.demo.applicant"),
            new DemoLogin("consignee", "CONSIGNEE", "home.demo.consignee"),
            new DemoLogin("reviewer", "REVIEWER", "home.demo.reviewer"),
            new DemoLogin("supervisor", "SUPERVISOR", "home.demo.supervisor"),
            new DemoLogin("enforcement", "ENFORCEMENT", "home.demo.enforcement"),
            new DemoLogin("auditor", "AUDITOR", "home.demo.auditor"),
            new DemoLogin("admin", "ADMIN", "home.demo.admin"));

    private final boolean demo;

    HomePage(@Value("${lodestone.demo:true}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demoLogins", demo ? DEMO_LOGINS : List.of());
        return "home";
    }
}
