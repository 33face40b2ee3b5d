package org.lodestone.identity.ui;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.store.IdentityProblem;
import org.lodestone.identity.tokens.ApiTokens;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's own API tokens: list, create (the secret is rendered in the response to the POST and never again, so it
 * is not put in the session for a redirect), revoke.
 */
@Controller
class AccountTokensPage {

    private final ApiTokens tokens;
    private final Identity identity;

    AccountTokensPage(ApiTokens tokens, Identity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        return page(model, user());
    }

    @PostMapping("/account/tokens")
    String create(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable Integer expiresInDays,
            Model model) {
        CurrentUser user = user();
        try {
            ApiTokens.Issued issued = tokens.issue(user.id(), name, expiresInDays);
            model.addAttribute("created", issued);
        } catch (IdentityProblem problem) {
            model.addAttribute("formError", problem.detail());
            model.addAttribute("name", name);
        }
        return page(model, user);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        tokens.revoke(user().id(), id);
        return "redirect:/account/tokens";
    }

    private String page(Model model, CurrentUser user) {
        model.addAttribute("tokens", tokens.ownedBy(user.id()));
        model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        model.addAttribute("now", java.time.Instant.now());
        return "identity/tokens";
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication required"));
    }
}
