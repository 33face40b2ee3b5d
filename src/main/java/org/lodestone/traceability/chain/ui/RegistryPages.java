package org.lodestone.traceability.chain.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.chain.ChainRegistry;
import org.lodestone.traceability.chain.ChainRegistry.LotRequest;
import org.lodestone.traceability.chain.ChainRegistry.SiteRequest;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.SiteKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The REPORTER's own enterprise: profile, sites and lots, with forms to register a site and a lot. Element content is
 * typed as {@code Dy=0.31, Tb=0.02}. A refused form re-renders the page with the reason.
 */
@Controller
class RegistryPages {

    private final ChainRegistry registry;
    private final MessageSource messages;

    RegistryPages(ChainRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/traceability/registry")
    String page(Model model) {
        fill(model);
        return "traceability/registry";
    }

    @PostMapping("/traceability/registry/sites")
    String addSite(
            @RequestParam(required = false) @Nullable String identifier,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrganisationId own = registry.callerOrganisation();
        try {
            registry.createSite(own, new SiteRequest(identifier, kind, name, country, region, null));
            return done(redirect, "traceability.notice.siteAdded");
        } catch (ErrorResponseException p) {
            return refused(p, model, response);
        }
    }

    @PostMapping("/traceability/registry/lots")
    String addLot(
            @RequestParam(required = false) @Nullable String identifier,
            @RequestParam(required = false) @Nullable String productType,
            @RequestParam(required = false) @Nullable String elementContent,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrganisationId own = registry.callerOrganisation();
        try {
            registry.createLot(own, new LotRequest(identifier, productType, content(elementContent), null));
            return done(redirect, "traceability.notice.lotAdded");
        } catch (ErrorResponseException p) {
            return refused(p, model, response);
        }
    }

    /** "Dy=0.31, Tb=0.02" as a map; a malformed pair is kept as given so validation names it. */
    static Map<String, Object> content(@Nullable String raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("[,;]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("[=:]", 2);
            out.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return out;
    }

    private String done(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        return "redirect:/traceability/registry";
    }

    private String refused(ErrorResponseException p, Model model, HttpServletResponse response) {
        int status = p.getStatusCode().value();
        if (status == 404 || status == 403) {
            throw p;
        }
        response.setStatus(status);
        model.addAttribute("problem", p.getBody().getDetail());
        fill(model);
        return "traceability/registry";
    }

    private void fill(Model model) {
        OrganisationId own = registry.callerOrganisation();
        model.addAttribute(
                "siteKinds", Arrays.stream(SiteKind.values()).map(Enum::name).toList());
        model.addAttribute(
                "productTypes",
                Arrays.stream(ProductType.values()).map(Enum::name).toList());
        try {
            model.addAttribute("enterprise", registry.enterprise(own));
            model.addAttribute("sites", registry.sites(own));
            model.addAttribute("lots", registry.lots(own));
        } catch (ErrorResponseException notYet) {
            // No profile yet: the first site or lot registered creates it.
            model.addAttribute("enterprise", null);
            model.addAttribute("sites", java.util.List.of());
            model.addAttribute("lots", java.util.List.of());
        }
    }
}
