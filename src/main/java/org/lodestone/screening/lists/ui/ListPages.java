package org.lodestone.screening.lists.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.DiffKind;
import org.lodestone.screening.lists.ListFormat;
import org.lodestone.screening.lists.ListProblem;
import org.lodestone.screening.lists.ListReleases;
import org.lodestone.screening.lists.Release;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lists page; uploads go through {@link ListReleases} like the API's. */
@Controller
class ListPages {

    private final ListReleases releases;

    ListPages(ListReleases releases) {
        this.releases = releases;
    }

    @GetMapping("/screening/lists")
    String page(
            @RequestParam(name = "list", required = false) @Nullable String list,
            @RequestParam(name = "release", required = false) @Nullable UUID release,
            @RequestParam(name = "kind", defaultValue = "ADDED") DiffKind kind,
            @RequestParam(name = "page", defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("lists", releases.lists());
        model.addAttribute("formats", List.of(ListFormat.values()));
        model.addAttribute("mayUpload", request.isUserInRole("ADMIN"));
        model.addAttribute("kinds", List.of(DiffKind.values()));
        model.addAttribute("kind", kind);
        model.addAttribute("page", Math.max(0, page));
        if (list != null && !list.isBlank()) {
            model.addAttribute("list", releases.list(list));
            List<Release> all = releases.releases(list);
            model.addAttribute("releases", all);
            Release selected = release != null
                    ? releases.release(list, release)
                    : all.stream().findFirst().orElse(null);
            if (selected != null) {
                model.addAttribute("release", selected);
                model.addAttribute("rejectedLines", releases.rejectedLines(list, selected.id()));
                boolean diffable = (selected.state().name().equals("ACTIVE")
                                || selected.state().name().equals("SUPERSEDED"))
                        && selected.entriesPurgedAt() == null;
                if (diffable) {
                    try {
                        model.addAttribute("diff", releases.diff(list, selected.id(), kind, Math.max(0, page), 100));
                    } catch (ListProblem e) {
                        model.addAttribute("diffError", e.getBody().getDetail());
                    }
                }
            }
        }
        return "screening/lists";
    }

    @PostMapping("/screening/lists/releases")
    String upload(
            @RequestParam("listCode") String listCode,
            @RequestParam("format") String format,
            @RequestParam(name = "name", required = false) @Nullable String name,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            Principal principal,
            RedirectAttributes redirect) {
        String code = listCode.strip();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "file: required and must not be empty");
            return "redirect:/screening/lists";
        }
        try (InputStream in = file.getInputStream()) {
            Release r = releases.importRelease(
                    new ListReleases.Upload(code, format, file.getOriginalFilename(), name, null, null),
                    in,
                    principal.getName());
            redirect.addAttribute("list", code);
            redirect.addAttribute("release", r.id());
            redirect.addFlashAttribute("uploaded", r);
            return "redirect:/screening/lists";
        } catch (ListProblem e) {
            redirect.addFlashAttribute("uploadError", e.getBody().getDetail());
            if (e.getBody().getProperties() != null
                    && e.getBody().getProperties().get("release") != null) {
                redirect.addAttribute("list", code);
                redirect.addAttribute("release", e.getBody().getProperties().get("release"));
            }
            return "redirect:/screening/lists";
        } catch (IOException e) {
            redirect.addFlashAttribute("uploadError", "file: the upload could not be read");
            return "redirect:/screening/lists";
        }
    }
}
