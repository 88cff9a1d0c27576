package com.servicecoach.web;

import com.servicecoach.database.ConnectionFailures;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answer while the database cannot be reached: 503 with {@code Retry-After}, JSON {@code {"message": ...,
 * "errors": []}} for scripts and an error page (in the reader's language) for browsers, rendered without anything
 * that needs the database. A failure counts as an outage when anything in its chain of causes is a lost or refused
 * connection ({@link ConnectionFailures}).
 */
@Singleton
public class DatabaseUnavailable {

    public static final String MESSAGE = "The database is unavailable at the moment: try again in a few seconds.";

    private final Messages messages;
    private final FreemarkerViewsRenderer renderer;
    private final LayoutModel layout;
    private final long retryAfterSeconds;

    DatabaseUnavailable(Messages messages, FreemarkerViewsRenderer renderer, LayoutModel layout,
                        @Value("${servicecoach.database.retry-after:10s}") Duration retryAfter) {
        this.messages = messages;
        this.renderer = renderer;
        this.layout = layout;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Whether {@code failure} comes from a database that cannot be reached (see the class comment). */
    public static boolean isCause(Throwable failure) {
        return ConnectionFailures.isLostConnection(failure);
    }

    /** Seconds a client should wait before trying again ({@code servicecoach.database.retry-after}). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The plain answer: JSON {@link ApiError} or the error page with the standard explanation. */
    public MutableHttpResponse<?> respond(HttpRequest<?> request) {
        if (ErrorPages.wantsJson(request)) {
            return json(ApiError.of(MESSAGE));
        }
        Locale locale = LocaleResolver.resolve(request);
        return page(request, messages.get(locale, "error.503.text"));
    }

    /** 503 with Retry-After and {@code body} as JSON (the body should hold {@code message} and {@code errors}). */
    public MutableHttpResponse<?> json(Object body) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /** 503 with Retry-After: the error page with {@code explanation} (already in the reader's language). */
    public MutableHttpResponse<?> page(HttpRequest<?> request, String explanation) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("status", 503);
        model.put("title", messages.get(locale, "error.503.title"));
        model.put("explanation", explanation);
        ModelAndView<Map<String, Object>> mav = new ModelAndView<>("error", model);
        layout.process(request, mav, false);
        StringWriter out = new StringWriter();
        try {
            renderer.render("error", mav.getModel().orElse(model), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.TEXT_HTML_TYPE).body(out.toString());
    }

    /** For message arguments: the reader's language. */
    public String text(HttpRequest<?> request, String key, Object... args) {
        return messages.get(LocaleResolver.resolve(request), key, args);
    }
}
