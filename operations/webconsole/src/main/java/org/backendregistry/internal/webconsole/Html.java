package org.backendregistry.internal.webconsole;

/** Escapes text for HTML element content and quoted attribute values: names and details come from bundles. */
final class Html {

    private Html() {
    }

    /** @return {@code text} with {@code & < > " '} replaced by entities; {@code null} reads as empty */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** @return {@code text} for a query parameter value (names hold only {@code [A-Za-z0-9_:]}, but be safe) */
    static String query(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
