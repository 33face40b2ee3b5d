package org.lodestone.licensing.evidence.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.EvidenceProblem;
import org.lodestone.licensing.evidence.NewDocument;
import org.lodestone.licensing.evidence.http.Downloads;
import org.lodestone.licensing.transparency.DocumentReading;
import org.lodestone.licensing.transparency.TransparencyProblem;
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
 * The evidence page of an application ({@code /applications/{id}/documents}): list, upload, download, remove, all as
 * plain links and forms. A refused upload re-renders the page with the reason and the problem's status.
 */
@Controller
class EvidencePages {

    private final Evidence evidence;
    private final Identity identity;
    private final DocumentReading reading;

    EvidencePages(Evidence evidence, Identity identity, DocumentReading reading) {
        this.evidence = evidence;
        this.identity = identity;
        this.reading = reading;
    }

    @GetMapping("/applications/{id}/documents")
    String page(@PathVariable UUID id, Model model) {
        evidence.list(new ApplicationId(id), user()); // 404 before rendering anything of a foreign application
        model.addAttribute("applicationId", id);
        return "licensing/evidence/documents";
    }

    @PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "type", required = false) @Nullable String type,
            @RequestParam(name = "partyId", required = false) @Nullable String partyId,
            @RequestParam(name = "itemId", required = false) @Nullable String itemId,
            @RequestParam(name = "description", required = false) @Nullable String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("applicationId", id);
        try {
            if (file == null) {
                throw problem("file", "choose a file to upload");
            }
            NewDocument document = new NewDocument(
                    documentType(type),
                    uuid("partyId", partyId),
                    uuid("itemId", itemId),
                    file.getOriginalFilename(),
                    description);
            EvidenceDocument stored;
            try (InputStream content = file.getInputStream()) {
                stored = evidence.upload(new ApplicationId(id), document, content, user());
            }
            redirect.addFlashAttribute("uploaded", stored.filename());
            return "redirect:/applications/" + id + "/documents";
        } catch (EvidenceProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("uploadError", problem.getBody().getDetail());
            return "licensing/evidence/documents";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/applications/{id}/documents/{documentId}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @RequestParam(name = "version", required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        EvidenceDocument removed = evidence.remove(new ApplicationId(id), new DocumentId(documentId), version, user());
        redirect.addFlashAttribute("removed", removed.filename());
        return "redirect:/applications/" + id + "/documents";
    }

    /**
     * The download. Authority staff state the purpose (#6): links from a case carry it; opened without one, or with one
     * naming another case, the page asks for it in a small form (a GET to this same address, which changes nothing
     * but the audit trail).
     */
    @GetMapping("/documents/{id}/content")
    Object download(
            @PathVariable UUID id,
            @RequestParam(name = "purpose", required = false) @Nullable String purpose,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response) {
        CurrentUser user = user();
        var document = new DocumentId(id);
        if (DocumentReading.needsPurpose(user) && (purpose == null || purpose.isBlank())) {
            evidence.describe(document, user); // 404 before asking anything about a document the user may not see
            model.addAttribute("documentId", id);
            return "licensing/evidence/purpose";
        }
        try {
            return Downloads.of(reading.open(document, user, purpose, reason));
        } catch (TransparencyProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("documentId", id);
            model.addAttribute("purposeError", problem.reason());
            return "licensing/evidence/purpose";
        }
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    private static DocumentType documentType(@Nullable String raw) {
        try {
            return DocumentType.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw problem("type", "choose a document type");
        }
    }

    private static @Nullable UUID uuid(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw problem(field, "'" + raw.strip() + "' is not an id");
        }
    }

    private static EvidenceProblem problem(String field, String reason) {
        return EvidenceProblem.invalidInput(field, reason);
    }
}
