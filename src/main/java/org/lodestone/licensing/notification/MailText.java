package org.lodestone.licensing.notification;

import java.util.regex.Pattern;
import org.lodestone.identity.UserContact;

/**
 * The plain-text e-mail for a notice: greeting, the (non-confidential) subject and an absolute link. The notice body is
 * deliberately left out: mail leaves our control, details stay behind the login.
 */
final class MailText {

    private static final Pattern ADDRESS = Pattern.compile("^[^\\s@<>()\",;:]+@[^\\s@<>()\",;:]+$");

    private final String baseUrl;

    MailText(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String body(UserContact to, Notice notice) {
        var text = new StringBuilder();
        text.append("Hello ").append(oneLine(to.displayName())).append(",\n\n");
        text.append(notice.subject()).append(".\n\n");
        if (notice.link() != null) {
            text.append("Open it in Lodestone (sign-in required):\n")
                    .append(baseUrl)
                    .append(notice.link())
                    .append("\n\n");
        } else {
            text.append("Sign in to Lodestone to read it: ").append(baseUrl).append("/notifications\n\n");
        }
        text.append("This message was sent automatically by Lodestone; replies are not read.\n")
                .append("Details are shown only after you sign in.\n");
        return text.toString();
    }

    static boolean plausibleAddress(String address) {
        return address.length() <= 320 && ADDRESS.matcher(address).matches();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]+", " ").strip();
    }
}
