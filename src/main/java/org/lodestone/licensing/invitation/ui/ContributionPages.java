package org.lodestone.licensing.invitation.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ContributedCase;
import org.lodestone.licensing.application.ContributorCases;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.EvidenceProblem;
import org.lodestone.licensing.evidence.NewDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The foreign party's "My cases" (#6): the applications its organisation contributes to, and for each its own parties,
 * the evidence still missing about them, its own sealed documents (download, remove) and the upload form — nothing of
 * the exporter's data. Uploads go through {@link Evidence} like the applicant's, which seals them.
 */
@Controller
class ContributionPages {

    private final ContributorCases cases;
    private final Evidence evidence;
    private final Identity identity;

    ContributionPages(ContributorCases cases, Evidence evidence, Identity identity) {
        this.cases = cases;
        this.evidence = evidence;
        this.identity = identity;
    }

    @GetMapping("/contributions")
    String list(Model model) {
        model.addAttribute("cases", cases.cases(user()));
        return "licensing/invitation/contributions";
    }

    @GetMapping("/contributions/{id}")
    String show(@PathVariable UUID id, Model model) {
        return render(new ApplicationId(id), model);
    }

    @PostMapping(path = "/contributions/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "type", required = false) @Nullable String type,
            @RequestParam(name = "partyId", required = false) @Nullable String partyId,
            @RequestParam(name = "description", required = false) @Nullable String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var application = new ApplicationId(id);
        cases.get(application, user()); // 404 before reading anything of a case that is not the caller's
        try {
            if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
                throw EvidenceProblem.invalidInput("file", "choose a file to upload");
            }
            NewDocument document =
                    new NewDocument(documentType(type), uuid(partyId), null, file.getOriginalFilename(), description);
            EvidenceDocument stored;
            try (InputStream content = file.getInputStream()) {
                stored = evidence.upload(application, document, content, user());
            }
            redirect.addFlashAttribute("uploaded", stored.filename());
            return "redirect:/contributions/" + id;
        } catch (ErrorResponseException problem) {
            int status = problem.getStatusCode().value();
            if (status == 404 || status == 403) {
                throw problem;
            }
            response.setStatus(status);
            model.addAttribute("uploadError", problem.getBody().getDetail());
            return render(application, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/contributions/{id}/documents/{documentId}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @RequestParam(name = "version", required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        EvidenceDocument removed = evidence.remove(new ApplicationId(id), new DocumentId(documentId), version, user());
        redirect.addFlashAttribute("removed", removed.filename());
        return "redirect:/contributions/" + id;
    }

    private String render(ApplicationId id, Model model) {
        CurrentUser user = user();
        ContributedCase c = cases.get(id, user);
        model.addAttribute("contribution", c);
        model.addAttribute("documents", evidence.list(id, user));
        model.addAttribute("types", Arrays.asList(DocumentType.values()));
        model.addAttribute("maxBytes", evidence.maxBytes());
        return "licensing/invitation/contribution";
    }

    private static DocumentType documentType(@Nullable String raw) {
        try {
            return DocumentType.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw EvidenceProblem.invalidInput("type", "choose a document type");
        }
    }

    private static @Nullable UUID uuid(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw EvidenceProblem.invalidInput("partyId", "'" + raw.strip() + "' is not a party id");
        }
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }
}
