package org.lodestone.licensing.application.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationDraft;
import org.lodestone.licensing.application.ApplicationProblem;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Completeness;
import org.lodestone.licensing.application.EndUseSector;
import org.lodestone.licensing.application.ItemDraft;
import org.lodestone.licensing.application.PartyDraft;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.QuantityUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's pages over the same {@link Applications} facade as the API: field errors are shown next to the
 * fields with status 422, conflicts as a message with 409; every successful post redirects (post/redirect/get), so the
 * completeness panel is always evaluated afresh. Authority staff get the same page read-only. Thymeleaf escapes all
 * text ({@code th:text}); no template uses {@code th:utext}.
 */
@Controller
@RequestMapping("/applications")
public class ApplicationPages {

    static final int VOLUME_ROWS = 3;
    static final int ELEMENT_ROWS = 6;

    private final Applications applications;
    private final Identity identity;

    ApplicationPages(Applications applications, Identity identity) {
        this.applications = applications;
        this.identity = identity;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", applications.list(page, 20));
        model.addAttribute("canCreate", canCreate());
        return "licensing/application/list";
    }

    @GetMapping("/new")
    String newDraft(Model model) {
        model.addAttribute("canCreate", canCreate());
        return "licensing/application/new";
    }

    @PostMapping
    String create(RedirectAttributes redirect) {
        Application app = applications.create(new ApplicationDraft(null, null, null, null, null, null));
        redirect.addFlashAttribute("notice", "Draft " + app.reference() + " created.");
        return "redirect:/applications/" + app.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        return render(applications.get(ApplicationId.of(id)), model, Map.of(), null, null);
    }

    /**
     * The application page with what the caller already put in the model, for other pages of the application (the
     * review panel's forms) that re-render it with their own problem and status.
     */
    public String page(ApplicationId id, Model model) {
        return render(applications.get(id), model, Map.of(), null, null);
    }

    // ---- sections -------------------------------------------------------------------------------------------------

    /** The application-level sections as posted; volumes and declarations are flattened into rows and checkboxes. */
    record DetailsForm(
            @Nullable String sector,
            @Nullable String finalProduct,
            @Nullable String statement,
            @Nullable String productionDescription,
            @Nullable String productionProcess,
            @Nullable String productionSite,
            @Nullable String since,
            @Nullable String relationshipNotes,
            @Nullable List<String> volumeYear,
            @Nullable List<String> volumeQuantity,
            @Nullable List<String> volumeUnit,
            @Nullable List<String> volumeValue,
            @Nullable List<String> volumeCurrency,
            @Nullable Boolean accuracy,
            @Nullable Boolean endUseUndertaking,
            @Nullable Boolean noReExportWithoutConsent,
            @Nullable String signatoryName,
            @Nullable String signedOn,
            long version) {

        ApplicationDraft toDraft() {
            List<ApplicationDraft.VolumeDraft> volumes = new ArrayList<>();
            int n = volumeYear == null ? 0 : volumeYear.size();
            for (int i = 0; i < n; i++) {
                String year = at(volumeYear, i);
                String q = at(volumeQuantity, i);
                String v = at(volumeValue, i);
                if (year.isBlank() && q.isBlank() && v.isBlank()) {
                    continue;
                }
                volumes.add(new ApplicationDraft.VolumeDraft(
                        year,
                        q,
                        q.isBlank() ? null : at(volumeUnit, i),
                        v,
                        v.isBlank() ? null : at(volumeCurrency, i)));
            }
            return new ApplicationDraft(
                    null,
                    new ApplicationDraft.EndUseDraft(sector, finalProduct, statement),
                    new ApplicationDraft.ProductionDraft(productionDescription, productionProcess, productionSite),
                    new ApplicationDraft.RelationshipDraft(since, volumes, relationshipNotes),
                    new ApplicationDraft.DeclarationsDraft(
                            accuracy, endUseUndertaking, noReExportWithoutConsent, signatoryName, signedOn),
                    version);
        }
    }

    @PostMapping("/{id}/details")
    String details(
            @PathVariable String id,
            @ModelAttribute DetailsForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.update(appId, form.version(), form.toDraft());
        } catch (ApplicationProblem p) {
            return problem(appId, p, model, response, "details");
        }
        redirect.addFlashAttribute("notice", "Sections saved.");
        return "redirect:/applications/" + id + "#details";
    }

    // ---- parties --------------------------------------------------------------------------------------------------

    record PartyForm(
            @Nullable String role,
            @Nullable String nameOriginal,
            @Nullable String nameLatin,
            @Nullable String country,
            @Nullable String address,
            @Nullable String identifierType,
            @Nullable String identifierValue,
            @Nullable String contactName,
            @Nullable String contactEmail,
            @Nullable String contactPhone,
            long version) {

        PartyDraft toDraft() {
            List<PartyDraft.IdentifierDraft> ids = blank(identifierType) && blank(identifierValue)
                    ? List.of()
                    : List.of(new PartyDraft.IdentifierDraft(identifierType, identifierValue));
            PartyDraft.ContactDraft contact = blank(contactName) && blank(contactEmail) && blank(contactPhone)
                    ? null
                    : new PartyDraft.ContactDraft(contactName, contactEmail, contactPhone);
            return new PartyDraft(role, nameOriginal, nameLatin, country, address, ids, contact);
        }
    }

    @PostMapping("/{id}/parties")
    String addParty(
            @PathVariable String id,
            @ModelAttribute PartyForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.addParty(appId, form.version(), form.toDraft());
        } catch (ApplicationProblem p) {
            model.addAttribute("partyForm", form);
            return problem(appId, p, model, response, "parties");
        }
        redirect.addFlashAttribute("notice", "Party added.");
        return "redirect:/applications/" + id + "#parties";
    }

    @PostMapping("/{id}/parties/{pid}/delete")
    String removeParty(
            @PathVariable String id,
            @PathVariable UUID pid,
            @RequestParam long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.removeParty(appId, pid, version);
        } catch (ApplicationProblem p) {
            return problem(appId, p, model, response, "parties");
        }
        redirect.addFlashAttribute("notice", "Party removed.");
        return "redirect:/applications/" + id + "#parties";
    }

    // ---- items ----------------------------------------------------------------------------------------------------

    record ItemForm(
            @Nullable String controlEntry,
            @Nullable String form,
            @Nullable String description,
            @Nullable String quantity,
            @Nullable String unit,
            @Nullable String unitValue,
            @Nullable String currency,
            @Nullable List<String> symbol,
            @Nullable List<String> percent,
            @Nullable String hsCode,
            @Nullable String specification,
            long version) {

        ItemDraft toDraft() {
            Map<String, String> elements = new LinkedHashMap<>();
            int n = symbol == null ? 0 : symbol.size();
            for (int i = 0; i < n; i++) {
                String s = at(symbol, i).strip();
                String p = at(percent, i).strip();
                if (!s.isEmpty() || !p.isEmpty()) {
                    elements.put(s.isEmpty() ? "(row " + (i + 1) + ")" : s, p);
                }
            }
            return new ItemDraft(
                    controlEntry,
                    form,
                    description,
                    quantity,
                    unit,
                    unitValue,
                    currency,
                    elements,
                    hsCode,
                    specification);
        }

        public List<String[]> rows() {
            var rows = new ArrayList<String[]>();
            int n = Math.max(ELEMENT_ROWS, symbol == null ? 0 : symbol.size());
            for (int i = 0; i < n; i++) {
                rows.add(new String[] {at(symbol, i), at(percent, i)});
            }
            return rows;
        }
    }

    @PostMapping("/{id}/items")
    String addItem(
            @PathVariable String id,
            @ModelAttribute ItemForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.addItem(appId, form.version(), form.toDraft());
        } catch (ApplicationProblem p) {
            model.addAttribute("itemForm", form);
            return problem(appId, p, model, response, "items");
        }
        redirect.addFlashAttribute("notice", "Item added.");
        return "redirect:/applications/" + id + "#items";
    }

    @PostMapping("/{id}/items/{iid}/delete")
    String removeItem(
            @PathVariable String id,
            @PathVariable UUID iid,
            @RequestParam long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.removeItem(appId, iid, version);
        } catch (ApplicationProblem p) {
            return problem(appId, p, model, response, "items");
        }
        redirect.addFlashAttribute("notice", "Item removed.");
        return "redirect:/applications/" + id + "#items";
    }

    // ---- submission and withdrawal --------------------------------------------------------------------------------

    @PostMapping("/{id}/submit")
    String submit(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.submit(appId, null, app -> app.reference());
        } catch (ApplicationProblem p) {
            return problem(appId, p, model, response, "completeness");
        }
        redirect.addFlashAttribute("notice", "Application submitted to the competent authority.");
        return "redirect:/applications/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ApplicationId appId = ApplicationId.of(id);
        try {
            applications.withdraw(appId, version, reason);
        } catch (ApplicationProblem p) {
            return problem(appId, p, model, response, "withdraw");
        }
        redirect.addFlashAttribute("notice", "Application withdrawn.");
        return "redirect:/applications/" + id;
    }

    // ---- rendering ------------------------------------------------------------------------------------------------

    /** 404 stays a 404 (the error page); other problems re-render the page with the message and field errors. */
    private String problem(
            ApplicationId id, ApplicationProblem p, Model model, HttpServletResponse response, String section) {
        if (p.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            throw p;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        p.fieldErrors().forEach(e -> errors.merge(e.field(), e.reason(), (a, b) -> a + "; " + b));
        response.setStatus(p.getStatusCode().value());
        Application app = applications.get(id);
        return render(app, model, errors, p.getBody().getDetail(), section);
    }

    private String render(
            Application app,
            Model model,
            Map<String, String> errors,
            @Nullable String problem,
            @Nullable String section) {
        CurrentUser user = identity.currentUser().orElseThrow();
        boolean editable = applications.mayEdit(app, user);
        Completeness completeness = applications.completeness(app.id());
        model.addAttribute("app", app);
        model.addAttribute("editable", editable);
        model.addAttribute("applicant", applications.isApplicant(app, user));
        model.addAttribute("completeness", completeness);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("problemSection", section);
        model.addAttribute("sectors", EndUseSector.values());
        model.addAttribute("partyRoles", PartyRole.values());
        model.addAttribute("units", QuantityUnit.values());
        model.addAttribute("forms", org.lodestone.controllist.ItemForm.values());
        model.addAttribute("history", applications.history(app.id()));
        model.addAttribute("volumeRows", volumeRows(app.content().relationship()));
        if (!model.containsAttribute("itemForm")) {
            model.addAttribute(
                    "itemForm", new ItemForm(null, null, null, null, "kg", null, null, null, null, null, null, 0));
        }
        if (!model.containsAttribute("partyForm")) {
            model.addAttribute(
                    "partyForm", new PartyForm(null, null, null, null, null, null, null, null, null, null, 0));
        }
        return "licensing/application/detail";
    }

    /** Existing volumes plus empty rows, so another year can always be added. */
    static List<BusinessRelationship.@Nullable Volume> volumeRows(BusinessRelationship relationship) {
        List<BusinessRelationship.@Nullable Volume> rows = new ArrayList<>(relationship.volumes());
        int empty = Math.max(1, VOLUME_ROWS - rows.size());
        for (int i = 0; i < empty; i++) {
            rows.add(null);
        }
        return rows;
    }

    private boolean canCreate() {
        return identity.currentUser()
                .map(u -> u.has(org.lodestone.identity.Role.APPLICANT)
                        && u.organisationKind() == org.lodestone.identity.OrganisationKind.EXPORTER)
                .orElse(false);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String at(@Nullable List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }
}
