package dev.keywarden.cli;

import java.util.regex.Pattern;

/**
 * Keeps a secret typed on the command line by mistake (e.g. {@code --org-key confident_us_org_...}) out
 * of the usage error that would otherwise echo it back.
 */
final class Redaction {
    static final String MARK = "[redacted]";
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*confident_.*|[A-Za-z0-9_+/=\\-]{32,}");

    private Redaction() {
    }

    /** The message with every argument that looks like a key replaced by {@value #MARK}. */
    static String message(String message, String[] args) {
        String result = message == null ? "" : message;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String value = arg.startsWith("-") && equals > 0 ? arg.substring(equals + 1) : arg;
            if (!value.isEmpty() && SECRET_LIKE.matcher(value).matches()) {
                result = result.replace(value, MARK);
            }
        }
        return result;
    }
}
