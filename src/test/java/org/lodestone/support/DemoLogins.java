package org.lodestone.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Real API tokens for the demo users (password {@code demo}), made the way a client makes them
 * ({@code POST /api/v1/auth/tokens} with HTTP Basic), so tests run through the real bearer authentication and the real
 * {@code CurrentUser}. Tokens are cached per MockMvc instance (one per Spring context) and user.
 */
public final class DemoLogins {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoLogins() {}

    /** {@code Authorization: Bearer …} for the demo user, e.g. {@code .with(DemoLogins.as(mvc, "applicant"))}. */
    public static RequestPostProcessor as(MockMvcTester mvc, String username) {
        String token = token(mvc, username);
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    public static String token(MockMvcTester mvc, String username) {
        return TOKENS.computeIfAbsent(System.identityHashCode(mvc) + "/" + username, key -> create(mvc, username));
    }

    private static String create(MockMvcTester mvc, String username) {
        var result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic(username, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"test\"}")
                .exchange();
        String body;
        try {
            body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        Matcher m = TOKEN.matcher(body);
        if (result.getResponse().getStatus() != 201 || !m.find()) {
            throw new IllegalStateException("could not create a token for " + username + ": "
                    + result.getResponse().getStatus() + " " + body);
        }
        return m.group(1);
    }

    /** The demo user holding a role: the role's name in lower case, except {@code producer} for REPORTER. */
    public static String username(String role) {
        return role.equals("REPORTER") ? "producer" : role.toLowerCase(java.util.Locale.ROOT);
    }

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
