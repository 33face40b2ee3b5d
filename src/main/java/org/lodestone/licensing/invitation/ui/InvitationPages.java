package org.lodestone.licensing.invitation.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.ForeignPartyRegistration;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.invitation.InvitationLanding;
import org.lodestone.licensing.invitation.InvitationRequest;
import org.lodestone.licensing.invitation.Invitations;
import org.lodestone.licensing.invitation.IssuedInvitation;
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
 * Invitation pages (#6): the applicant's invite and revoke forms on the application page, and the invitee's landing
 * page at the one-time link — sign in and accept, or open an account. Every form carries the CSRF token (Spring
 * Security's default, including the anonymous account form); the link's pages send no Referer, so the token does not
 * leak to other sites.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;
    private final Identity identity;

    InvitationPages(Invitations invitations, Identity identity) {
        this.invitations = invitations;
        this.identity = identity;
    }

    // ---- the applicant
    // -------------------------------------------------------------------------------------------------

    @PostMapping("/applications/{id}/invitations")
    String invite(
            @PathVariable UUID id,
            @RequestParam(name = "partyId", required = false) @Nullable String partyId,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "validityDays", required = false) @Nullable String validityDays,
            RedirectAttributes redirect) {
        try {
            IssuedInvitation issued = invitations.invite(
                    new ApplicationId(id), new InvitationRequest(partyId, email, days(validityDays), null), user());
            redirect.addFlashAttribute("invitationLink", issued.link());
            redirect.addFlashAttribute("invitationEmail", issued.invitation().email());
        } catch (ErrorResponseException problem) {
            if (problem.getStatusCode().value() != 422
                    && problem.getStatusCode().value() != 409) {
                throw problem; // 404 and 403 as everywhere
            }
            redirect.addFlashAttribute("invitationError", problem.getBody().getDetail());
        }
        return "redirect:/applications/" + id + "#invitations";
    }

    @PostMapping("/applications/{id}/invitations/{invitationId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID invitationId, RedirectAttributes redirect) {
        invitations.revoke(new ApplicationId(id), invitationId, user());
        redirect.addFlashAttribute("invitationRevoked", true);
        return "redirect:/applications/" + id + "#invitations";
    }

    // ---- the invitee
    // ---------------------------------------------------------------------------------------------------

    @GetMapping("/invitations/{token}")
    String landing(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        return landingPage(token, model, response, new AccountForm(null, null, null, null, null), Map.of());
    }

    /** Reached through the login page: signing in returns here, and the landing page then offers to accept. */
    @GetMapping("/invitations/{token}/accept")
    String signedIn(@PathVariable String token) {
        return "redirect:/invitations/" + token;
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            ApplicationId application = invitations.accept(token, user());
            return "redirect:/contributions/" + application;
        } catch (ErrorResponseException problem) {
            return invalid(problem, model, response);
        }
    }

    @PostMapping("/invitations/{token}/account")
    String account(
            @PathVariable String token,
            @RequestParam(name = "username", required = false) @Nullable String username,
            @RequestParam(name = "displayName", required = false) @Nullable String displayName,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "password", required = false) @Nullable String password,
            @RequestParam(name = "passwordRepeated", required = false) @Nullable String passwordRepeated,
            @RequestParam(name = "organisationName", required = false) @Nullable String organisationName,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        var form = new AccountForm(username, displayName, email, organisationName, null);
        if (password != null && !password.equals(passwordRepeated)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return landingPage(token, model, response, form, Map.of("passwordRepeated", "the two passwords differ"));
        }
        InvitationLanding landing;
        try {
            landing = invitations.open(token);
        } catch (ErrorResponseException problem) {
            return invalid(problem, model, response);
        }
        try {
            CurrentUser created = invitations.register(
                    token,
                    new ForeignPartyRegistration(
                            username,
                            displayName,
                            email,
                            password,
                            organisationName == null || organisationName.isBlank()
                                    ? landing.partyName()
                                    : organisationName,
                            landing.partyCountry()));
            model.addAttribute("created", created);
            model.addAttribute("landing", landing);
            return "licensing/invitation/welcome";
        } catch (ErrorResponseException problem) {
            int status = problem.getStatusCode().value();
            if (status == 404 || status == 410) {
                return invalid(problem, model, response);
            }
            response.setStatus(status);
            return landingPage(token, model, response, form, fieldErrors(problem));
        }
    }

    private String landingPage(
            String token, Model model, HttpServletResponse response, AccountForm form, Map<String, String> errors) {
        InvitationLanding landing;
        try {
            landing = invitations.open(token);
        } catch (ErrorResponseException problem) {
            return invalid(problem, model, response);
        }
        Optional<CurrentUser> user = identity.currentUser();
        model.addAttribute("token", token);
        model.addAttribute("landing", landing);
        model.addAttribute("signedIn", user.isPresent());
        model.addAttribute(
                "mayAccept",
                user.isPresent()
                        && user.get().organisationKind() == OrganisationKind.FOREIGN_PARTY
                        && user.get().has(Role.CONSIGNEE));
        model.addAttribute(
                "form",
                new AccountForm(
                        form.username(),
                        form.displayName(),
                        form.email(),
                        form.organisationName() == null ? landing.partyName() : form.organisationName(),
                        landing.partyCountry()));
        model.addAttribute("errors", errors);
        return "licensing/invitation/landing";
    }

    /** Unknown, used, revoked and expired links read the same; only the status tells 404 from 410. */
    private static String invalid(ErrorResponseException problem, Model model, HttpServletResponse response) {
        int status = problem.getStatusCode().value();
        if (status != 404 && status != 410) {
            throw problem;
        }
        response.setStatus(status);
        model.addAttribute("gone", status == 410);
        return "licensing/invitation/invalid";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(ErrorResponseException problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object listed = problem.getBody().getProperties() == null
                ? null
                : problem.getBody().getProperties().get("errors");
        if (listed instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    errors.put(String.valueOf(m.get("field")), String.valueOf(m.get("reason")));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.put("form", String.valueOf(problem.getBody().getDetail()));
        }
        return errors;
    }

    private static @Nullable Integer days(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1; // reported as out of range by Invitations
        }
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    /** The account form as typed (never the password), with the organisation's defaults. */
    record AccountForm(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String organisationName,
            @Nullable String country) {}
}
