package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The layout and the shell's pages rendered by Thymeleaf alone, so both demo and production mode and every role can be
 * checked without a second application context. What the controller advice adds ({@code demo}, {@code currentUser},
 * {@code roles}) is supplied here as the model.
 */
class LayoutTests {

    private static final SpringTemplateEngine ENGINE = engine();

    private static SpringTemplateEngine engine() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static String render(String template, boolean demo, @Nullable CurrentUser user, Map<String, Object> extra) {
        var servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext, "GET", "/"), new MockHttpServletResponse());
        var context = new WebContext(exchange);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("demo", demo);
        model.put("currentUser", user);
        model.put(
                "roles",
                user == null
                        ? Set.of()
                        : user.roles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)));
        model.put("appVersion", "1.2.3");
        model.put("requestId", "req-123");
        context.setVariables(model);
        String html = ENGINE.process(template, context);
        assertThat(html).as("every message key resolves").doesNotContain("??");
        return html;
    }

    static CurrentUser user(Role... roles) {
        return new CurrentUser(
                new UserId(UUID.randomUUID()),
                "ada",
                "Ada Lovelace",
                new OrganisationId(UUID.randomUUID()),
                "Acme Minerals Ltd",
                OrganisationKind.EXPORTER,
                null,
                roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    private static String home(boolean demo, @Nullable CurrentUser user) {
        return render("home", demo, user, Map.of("demoLogins", demo ? HomePage.DEMO_LOGINS : List.of()));
    }

    @Test
    void anonymousHomeInDemoModeShowsBannerAndEveryDemoLogin() {
        String html = home(true, null);
        assertThat(html).contains("class=\"demo-banner\"", "Demo mode: sample organisations");
        assertThat(html).contains("id=\"demo-logins\"");
        for (String name :
                List.of("applicant", "consignee", "reviewer", "supervisor", "enforcement", "auditor", "admin")) {
            assertThat(html).contains("<code>" + name + "</code>");
        }
        assertThat(html).contains("href=\"/login\"").doesNotContain("action=\"/logout\"");
    }

    @Test
    void productionModeHasNoBannerAndNoDemoLogins() {
        String html = home(false, null);
        assertThat(html).doesNotContain("demo-banner", "demo-logins", "password is always");
        assertThat(html).contains("href=\"/login\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            APPLICANT,   false, false
            REVIEWER,    false, false
            AUDITOR,     true,  false
            ADMIN,       false, true
            """)
    void navigationFollowsRoles(Role role, boolean auditLink, boolean apiDocsLink) {
        String html = home(true, user(role));
        String nav = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertThat(nav).contains("href=\"/determinations/new\"", "href=\"/control-list\"", "href=\"/account/tokens\"");
        assertThat(nav.contains("href=\"/audit\"")).as("audit link").isEqualTo(auditLink);
        assertThat(nav.contains("href=\"/swagger-ui.html\""))
                .as("API docs link")
                .isEqualTo(apiDocsLink);
        assertThat(nav).contains("Ada Lovelace", "Acme Minerals Ltd", "<span class=\"badge\">" + role + "</span>");
        assertThat(nav).containsPattern("<form action=\"/logout\" method=\"post\"");
        assertThat(html).as("banner stays for logged-in users").contains("demo-banner");
        assertThat(html).as("no demo logins table on the dashboard").doesNotContain("id=\"demo-logins\"");
    }

    @Test
    void dashboardCardsFollowRoles() {
        assertThat(home(false, user(Role.APPLICANT)))
                .contains("id=\"dashboard\"")
                .doesNotContain("card-audit", "card-operations");
        assertThat(home(false, user(Role.AUDITOR, Role.ADMIN))).contains("card-audit", "card-operations");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            error/404, Page not found
            error/403, Not allowed
            error/500, Something went wrong on our side
            error,     Something went wrong
            """)
    void errorPagesUseTheLayoutAndShowTheRequestId(String template, String heading) {
        String html = render(
                template,
                true,
                null,
                Map.of("status", 404, "title", "Not Found", "path", "/x/<script>", "requestId", "req-123"));
        assertThat(html).contains("<h1>" + heading + "</h1>", "req-123", "demo-banner", "href=\"/swagger-ui.html\"");
        assertThat(html).as("path is escaped").contains("/x/&lt;script&gt;").doesNotContain("/x/<script>");
    }

    @Test
    void layoutUsesTheWebJarPathsThatExist() throws IOException {
        String html = home(true, null);
        for (String asset : List.of(
                "/webjars/picocss__pico/css/pico.min.css",
                "/webjars/htmx.org/dist/htmx.min.js",
                "/css/lodestone.css",
                "/images/lodestone.svg")) {
            assertThat(html).contains(asset);
        }
        // webjars-locator-lite maps the version-less path to the jar's versioned one.
        assertThat(getClass().getResource("/META-INF/resources/webjars/picocss__pico/2.1.1/css/pico.min.css"))
                .isNotNull();
        assertThat(getClass()
                        .getClassLoader()
                        .getResources("META-INF/resources/webjars/htmx.org")
                        .hasMoreElements())
                .isTrue();
        assertThat(getClass().getResource("/static/css/lodestone.css")).isNotNull();
    }

    /** Keeps the bundle honest: every key a template names exists, and no key is left unused. */
    @Test
    void messageBundleMatchesTheTemplates() throws IOException {
        var props = new Properties();
        try (var in = getClass().getResourceAsStream("/messages.properties")) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9.]+)");
        Set<String> used = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                var m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(props.stringPropertyNames()).containsAll(used);
        Set<String> dynamic = HomePage.DEMO_LOGINS.stream()
                .map(HomePage.DemoLogin::messageKey)
                .collect(Collectors.toSet());
        Set<String> unused = new TreeSet<>(props.stringPropertyNames());
        unused.removeAll(used);
        unused.removeAll(dynamic);
        unused.removeIf(k -> k.startsWith("error.heading.")
                || k.startsWith("error.text.")
                || k.startsWith("home.feature.")
                || k.startsWith("app.")
                || k.startsWith("review.notice.")
                || k.startsWith("review.problem.")
                // traceability: notices set by controllers, signal kind labels looked up per kind
                || k.startsWith("traceability.notice.")
                || k.startsWith("traceability.signals.kind.")
                || k.startsWith("nav.")
                || k.startsWith("footer."));
        assertThat(unused).as("keys no template uses").isEmpty();
    }
}
