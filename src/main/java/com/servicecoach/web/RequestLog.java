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
        LOG.info("method={} path={} status={} ms={} user={}", request.getMethod(), request.getPath(),
                response.code(), (System.nanoTime() - started) / 1_000_000, user);
    }
}
