package org.backendregistry.internal.webconsole;

/** A one-button POST form for an action; the hidden token is what tells the plugin the page sent it. */
final class ActionForm {

    /** The form field (or {@code X-Backends-Token} header) that carries the page's token. */
    static final String TOKEN = "token";
    /** The header a script may carry the token in instead. */
    static final String TOKEN_HEADER = "X-Backends-Token";

    private ActionForm() {
    }

    static void render(StringBuilder out, String appRoot, String token, String action, String key, String target,
            String label) {
        out.append("<form method=\"post\" class=\"action\" action=\"").append(appRoot).append("/backends\">")
                .append(hidden(TOKEN, token)).append(hidden("action", action)).append(hidden("name", key));
        if (target != null) {
            out.append(hidden("target", target));
        }
        out.append("<button type=\"submit\" class=\"ui-state-default ui-corner-all\" data-action=\"")
                .append(action).append("\">").append(Html.escape(label)).append("</button></form>");
    }

    private static String hidden(String field, String value) {
        return "<input type=\"hidden\" name=\"" + field + "\" value=\"" + Html.escape(value) + "\">";
    }
}
