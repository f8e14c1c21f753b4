package org.backendregistry.internal.webconsole;

/**
 * What the plugin answers, whichever servlet API carries it.
 *
 * @param status      the HTTP status
 * @param contentType the content type, or {@code null} for content the console frames with its navigation
 * @param body        the body, or the message of an error status
 * @param location    where a 303 sends the browser, or {@code null}
 */
record Reply(int status, String contentType, String body, String location) {

    static final int OK = 200;

    static Reply framed(String html) {
        return new Reply(OK, null, html, null);
    }

    static Reply of(String contentType, String body) {
        return new Reply(OK, contentType, body, null);
    }

    static Reply status(int status, String message) {
        return new Reply(status, null, message, null);
    }

    static Reply seeOther(String location) {
        return new Reply(303, null, null, location);
    }

    boolean isError() {
        return status >= 400;
    }
}
