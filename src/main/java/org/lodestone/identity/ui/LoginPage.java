package org.lodestone.identity.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form (posted to Spring Security's filter at {@code /login}), with one clear sentence for each outcome and a
 * button per configured OIDC provider.
 */
@Controller
class LoginPage {

    record Provider(String name, String url) {}

    private final ObjectProvider<ClientRegistrationRepository> clients;

    LoginPage(ObjectProvider<ClientRegistrationRepository> clients) {
        this.clients = clients;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("error", error(request));
        model.addAttribute("loggedOut", flag(request, "logout"));
        model.addAttribute("providers", providers());
        return "identity/login";
    }

    private static @Nullable String error(HttpServletRequest request) {
        String detail = lastFailure(request);
        if (flag(request, "locked")) {
            return detail != null ? detail + "." : "This account is locked after repeated failed logins.";
        }
        if (flag(request, "disabled")) {
            return "This account is disabled. Ask an administrator.";
        }
        if (flag(request, "oidc-error")) {
            return detail != null ? detail : "Sign-in through the identity provider failed.";
        }
        if (flag(request, "error")) {
            return "Wrong username or password.";
        }
        return null;
    }

    /** {@code /login?error} carries a bare flag, which some clients do not turn into a request parameter. */
    private static boolean flag(HttpServletRequest request, String name) {
        if (request.getParameter(name) != null) {
            return true;
        }
        String query = request.getQueryString();
        return query != null
                && java.util.Arrays.asList(query.split("&")).stream()
                        .anyMatch(p -> p.equals(name) || p.startsWith(name + "="));
    }

    /** The failure Spring Security left in the session; read once, so a reload does not repeat it. */
    private static @Nullable String lastFailure(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof AuthenticationException e ? e.getMessage() : null;
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                if (r instanceof ClientRegistration registration) {
                    providers.add(new Provider(
                            registration.getClientName(), "/oauth2/authorization/" + registration.getRegistrationId()));
                }
            }
        }
        return providers;
    }
}
