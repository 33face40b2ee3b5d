package org.lodestone.traceability.genealogy.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.traceability.genealogy.Genealogy;
import org.lodestone.traceability.genealogy.GenealogyProblem;
import org.lodestone.traceability.genealogy.Trace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The genealogy page: a form (identifier, direction) and the trace drawn as SVG, every node a link that re-roots the
 * trace. With htmx a click swaps only the graph fragment (same URL, {@code HX-Request} header); without JavaScript the
 * links and the form load the whole page. The edges are also listed as a table for screen readers.
 */
@Controller
class GenealogyPage {

    private final Genealogy genealogy;
    private final Identity identity;

    GenealogyPage(Genealogy genealogy, Identity identity) {
        this.genealogy = genealogy;
        this.identity = identity;
    }

    @GetMapping("/traceability/genealogy")
    String page(
            @RequestParam(required = false) @Nullable String identifier,
            @RequestParam(required = false) @Nullable String direction,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            HttpServletResponse response) {
        var user = identity.currentUser().orElseThrow(() -> GenealogyProblem.forbidden("Not signed in."));
        String id = identifier == null ? "" : identifier.strip();
        model.addAttribute("identifier", id);
        String dir = "backward";
        try {
            dir = Genealogy.direction(direction).name().toLowerCase(Locale.ROOT);
        } catch (GenealogyProblem invalid) {
            response.setStatus(422);
            model.addAttribute("problem", invalid.detail());
        }
        model.addAttribute("direction", dir);
        model.addAttribute("other", dir.equals("backward") ? "forward" : "backward");
        if (!id.isEmpty() && !model.containsAttribute("problem")) {
            try {
                Trace trace = genealogy.traceFor(user, id, dir, Genealogy.MAX_DEPTH);
                model.addAttribute("trace", trace);
                model.addAttribute("layout", GraphLayout.of(trace));
            } catch (GenealogyProblem p) {
                int status = p.getStatusCode().value();
                if (status == 403) {
                    throw p;
                }
                response.setStatus(status);
                model.addAttribute("problem", p.detail());
            }
        }
        return htmx != null ? "traceability/genealogy :: graph" : "traceability/genealogy";
    }
}
