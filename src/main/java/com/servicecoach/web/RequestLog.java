package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per request: method, path, status, milliseconds and the user. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.servicecoach.request");
    private static final String START = "sc.start";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled() || request.getPath().startsWith("/assets/")) {
            return;
        }
        long started = request.getAttribute(START, Long.class).orElse(System.nanoTime());
        String user = request.getUserPrincipal().map(java.security.Principal::getName).orElse("-");
        LOG.info("method={} path={} status={} ms={} user={}", request.getMethod(), printable(request.getPath()),
                response.code(), (System.nanoTime() - started) / 1_000_000, printable(user));
    }

    /** Control characters and spaces written as a backslash-u escape with four hex digits, so no request can add or break a line of the log. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
