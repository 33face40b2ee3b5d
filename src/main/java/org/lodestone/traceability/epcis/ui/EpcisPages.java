package org.lodestone.traceability.epcis.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.traceability.epcis.CaptureJobs;
import org.lodestone.traceability.epcis.Capturing;
import org.lodestone.traceability.epcis.DocumentReading.Syntax;
import org.lodestone.traceability.epcis.EpcisProblem;
import org.lodestone.traceability.epcis.EventQueries;
import org.lodestone.traceability.epcis.store.JobStore;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporter's capture page (upload an EPCIS document, follow the organisation's capture jobs) and the event browser
 * for reporters and authority staff. Both go through the same services as the EPCIS interface, so visibility, limits
 * and audit are the API's; the pages only translate form fields into the standard query parameters.
 */
@Controller
class EpcisPages {

    /** The query parameters the browser form offers, in the order shown. */
    static final List<String> FILTERS =
            List.of("eventType", "EQ_bizStep", "MATCH_anyEPC", "MATCH_anyEPCClass", "GE_eventTime", "LT_eventTime");

    private final CaptureJobs jobs;
    private final EventQueries queries;
    private final Identity identity;
    private final JsonMapper json;

    EpcisPages(CaptureJobs jobs, EventQueries queries, Identity identity, JsonMapper json) {
        this.jobs = jobs;
        this.queries = queries;
        this.identity = identity;
        this.json = json;
    }

    @GetMapping("/traceability/capture")
    String capture(@RequestParam(required = false) @Nullable UUID job, Model model) {
        CurrentUser user = user();
        List<JobStore.Job> list = jobs.jobs(user.organisationId(), 50);
        model.addAttribute("jobs", list);
        model.addAttribute(
                "selected",
                job == null ? null : jobs.job(job, user.organisationId()).orElse(null));
        model.addAttribute(
                "selectedErrors",
                job == null
                        ? List.of()
                        : errors(jobs.job(job, user.organisationId())
                                .map(JobStore.Job::errors)
                                .orElse(null)));
        return "traceability/capture";
    }

    @PostMapping("/traceability/capture")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "behaviour", defaultValue = "rollback") String behaviour,
            RedirectAttributes redirect)
            throws IOException {
        CurrentUser user = user();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadProblem", "file: choose an EPCIS document (JSON, JSON-LD or XML)");
            return "redirect:/traceability/capture";
        }
        Capturing.ErrorBehaviour mode = "proceed".equalsIgnoreCase(behaviour)
                ? Capturing.ErrorBehaviour.PROCEED
                : Capturing.ErrorBehaviour.ROLLBACK;
        try (InputStream in = file.getInputStream()) {
            UUID id = jobs.spool(reporter(user), syntax(file), mode, in, file.getSize());
            return "redirect:/traceability/capture?job=" + id;
        } catch (EpcisProblem problem) {
            ProblemDetail body = problem.getBody();
            redirect.addFlashAttribute("uploadProblem", "file: " + body.getDetail());
            return "redirect:/traceability/capture";
        }
    }

    @GetMapping("/traceability/events")
    String events(@RequestParam Map<String, String> form, Model model) {
        CurrentUser user = user();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = form.getOrDefault(name, "").strip();
            shown.put(name, value);
            if (!value.isEmpty()) {
                parameters.put(name, List.of(value));
            }
        }
        String token = form.getOrDefault("nextPageToken", "").strip();
        if (!token.isEmpty()) {
            parameters.put("nextPageToken", List.of(token));
        }
        parameters.put("perPage", List.of("50"));
        model.addAttribute("form", shown);
        try {
            EventQueries.Page page = queries.query(parameters, user);
            model.addAttribute("rows", page.events().stream().map(this::row).toList());
            model.addAttribute("nextPageToken", page.nextPageToken());
        } catch (EpcisProblem problem) {
            model.addAttribute("rows", List.of());
            model.addAttribute("queryProblem", problem.getBody().getDetail());
        }
        return "traceability/events";
    }

    /** One line of the event table: what happened, when, where, to what. */
    private Map<String, String> row(String body) {
        JsonNode e = json.readTree(body);
        var row = new LinkedHashMap<String, String>();
        row.put("eventID", text(e, "eventID"));
        row.put("type", text(e, "type"));
        row.put("eventTime", text(e, "eventTime"));
        row.put("action", text(e, "action"));
        row.put("bizStep", text(e, "bizStep"));
        String where = e.path("bizLocation").path("id").asString("");
        row.put("where", where.isEmpty() ? e.path("readPoint").path("id").asString("") : where);
        List<String> what = new ArrayList<>();
        for (String list : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
            e.path(list).forEach(v -> what.add(v.asString()));
        }
        for (String list : List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
            e.path(list)
                    .forEach(q -> what.add(q.path("epcClass").asString("") + " × "
                            + q.path("quantity").asString("") + " "
                            + q.path("uom").asString("")));
        }
        row.put(
                "what",
                String.join("; ", what.size() > 6 ? what.subList(0, 6) : what)
                        + (what.size() > 6 ? " … (+" + (what.size() - 6) + ")" : ""));
        return row;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private List<Map<String, String>> errors(@Nullable String errorsJson) {
        if (errorsJson == null || errorsJson.isBlank()) {
            return List.of();
        }
        List<Map<String, String>> out = new ArrayList<>();
        JsonNode root = json.readTree(errorsJson);
        String detail = root.path("detail").asString("");
        if (!detail.isEmpty()) {
            out.add(Map.of("index", "", "eventID", "", "reason", detail));
        }
        root.path("events").forEach(n -> {
            var m = new LinkedHashMap<String, String>();
            m.put("index", n.path("index").asString(""));
            m.put("eventID", n.path("eventID").asString(""));
            m.put("reason", n.path("reason").asString(""));
            out.add(m);
        });
        return out;
    }

    private static Syntax syntax(MultipartFile file) {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || type.contains("xml") ? Syntax.XML : Syntax.JSON;
    }

    private Capturing.Reporter reporter(CurrentUser user) {
        return Capturing.Reporter.of(user, identity);
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow();
    }
}
