package org.lodestone.controllist.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ControlList;
import org.lodestone.controllist.ControlListProblem;
import org.lodestone.controllist.DeterminationRequest;
import org.lodestone.controllist.EndUse;
import org.lodestone.controllist.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The determination form: the same engine as {@code POST /api/v1/determinations}, with field errors shown next to the
 * fields (422) and the result rendered as an outcome, matched entries with legal basis, explanation and warnings.
 */
@Controller
@RequestMapping("/determinations")
class DeterminationPages {

    static final int ELEMENT_ROWS = 6;

    private final ControlList controlList;

    DeterminationPages(ControlList controlList) {
        this.controlList = controlList;
    }

    /** The form as posted; element rows are parallel lists of symbols and percentages. */
    record DeterminationForm(
            @Nullable String description,
            @Nullable String controlNumber,
            @Nullable String hsCode,
            @Nullable List<String> symbol,
            @Nullable List<String> percent,
            @Nullable String destination,
            @Nullable String endUseCode,
            @Nullable String endUseText,
            @Nullable String date,
            @Nullable Boolean foreignProduced,
            @Nullable String chineseContentValuePercent) {

        static DeterminationForm empty(String today) {
            return new DeterminationForm(null, null, null, null, null, null, null, null, today, null, null);
        }

        public List<String[]> rows() {
            var rows = new ArrayList<String[]>();
            int n = Math.max(ELEMENT_ROWS, symbol == null ? 0 : symbol.size());
            for (int i = 0; i < n; i++) {
                rows.add(new String[] {at(symbol, i), at(percent, i)});
            }
            return rows;
        }

        DeterminationRequest toRequest() {
            Map<String, @Nullable Object> elements = new LinkedHashMap<>();
            if (symbol != null) {
                for (int i = 0; i < symbol.size(); i++) {
                    String s = symbol.get(i) == null ? "" : symbol.get(i).strip();
                    String p = at(percent, i).strip();
                    if (!s.isEmpty() || !p.isEmpty()) {
                        elements.put(s.isEmpty() ? "(row " + (i + 1) + ")" : s, p.isEmpty() ? null : p);
                    }
                }
            }
            String endUse = endUseText != null && !endUseText.isBlank() ? endUseText : endUseCode;
            return new DeterminationRequest(
                    new DeterminationRequest.Item(
                            controlNumber, hsCode, description, elements.isEmpty() ? null : elements),
                    destination,
                    endUse,
                    date,
                    foreignProduced,
                    chineseContentValuePercent == null || chineseContentValuePercent.isBlank()
                            ? null
                            : chineseContentValuePercent);
        }

        private static String at(@Nullable List<String> list, int i) {
            return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
        }
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", DeterminationForm.empty(controlList.today().toString()));
        return render(model, Map.of());
    }

    @PostMapping
    String determine(
            @ModelAttribute("form") DeterminationForm form,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("result", controlList.determine(form.toRequest()));
            return render(model, Map.of());
        } catch (ControlListProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var errors = new LinkedHashMap<String, String>();
            for (FieldProblem f : problem.fieldProblems()) {
                String field = f.field().startsWith("item.elements") ? "item.elements" : f.field();
                String reason = f.field().startsWith("item.elements.")
                        ? f.field().substring(14) + ": " + f.reason()
                        : f.reason();
                errors.merge(field, reason, (a, b) -> a + "; " + b);
            }
            return render(model, errors);
        }
    }

    private String render(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("endUses", EndUse.values());
        model.addAttribute("revision", controlList.revision());
        return "controllist/determination";
    }
}
