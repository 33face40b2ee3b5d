package org.lodestone.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Test helpers for the demo users (password "demo") of the shared integration-test context. */
final class Demo {

    static final String PASSWORD = "demo";

    private Demo() {}

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String username) {
        return basic(username, PASSWORD);
    }

    /** The demo username holding exactly this role. */
    static String username(Role role) {
        return org.lodestone.support.DemoLogins.username(role.name());
    }
}
