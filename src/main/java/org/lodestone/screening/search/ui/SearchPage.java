package org.lodestone.screening.search.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.search.SearchRequest;
import org.lodestone.screening.search.Searches;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ad-hoc screening page: a form for one name; the results (with the features behind each score) replace the
 * results section through htmx, or the whole page without JavaScript. Refused input is shown naming the field.
 */
@Controller
class SearchPage {

    private final Searches searches;

    SearchPage(Searches searches) {
        this.searches = searches;
    }

    @GetMapping("/screening/search")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("threshold", searches.threshold());
        model.addAttribute("schemas", schemas());
        return "screening/search";
    }

    @PostMapping("/screening/search")
    String search(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String schema,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("form", Map.of("name", name == null ? "" : name, "country", country == null ? "" : country));
        model.addAttribute("threshold", searches.threshold());
        model.addAttribute("schemas", schemas());
        try {
            model.addAttribute(
                    "hits",
                    searches.search(new SearchRequest(name, country, null, schema)).stream()
                            .map(Searches::json)
                            .toList());
        } catch (ScreeningProblem p) {
            if (p.getStatusCode().value() != 422) {
                throw p;
            }
            response.setStatus(htmx == null ? 422 : 200); // htmx swaps only successful answers
            model.addAttribute(
                    "problem",
                    p.getBody().getProperties() == null
                            ? List.of()
                            : p.getBody().getProperties().get("errors"));
        }
        return htmx == null ? "screening/search" : "screening/search :: results";
    }

    private static List<String> schemas() {
        return Searches.SCHEMAS.stream().sorted().toList();
    }
}
