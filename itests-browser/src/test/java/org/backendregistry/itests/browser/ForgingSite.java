package org.backendregistry.itests.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Another site on another loopback port, whose page makes the browser POST a pin to the console the moment it
 * loads: the cross-site request forgery the page must refuse although the browser sends the operator's
 * credentials with it.
 */
final class ForgingSite implements AutoCloseable {

    private final HttpServer server;

    private ForgingSite(HttpServer server) {
        this.server = server;
    }

    static ForgingSite start(String consoleAction) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"" + consoleAction + "\">"
                + "<input type=\"hidden\" name=\"action\" value=\"pin\">"
                + "<input type=\"hidden\" name=\"name\" value=\"FLASH_ATTN\">"
                + "<input type=\"hidden\" name=\"target\" value=\"org.backendregistry.backends.cpu\">"
                + "</form></body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        return new ForgingSite(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
