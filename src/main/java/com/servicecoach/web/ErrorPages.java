package com.servicecoach.web;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an error into the right answer for the caller: JSON {@link ApiError} for {@code /api/**} and
 * scripts, an error page for browsers. Error pages never show exception text.
 */
@Singleton
public class ErrorPages {

    private final Messages messages;
    private final FreemarkerViewsRenderer renderer;
    private final LayoutModel layout;

    ErrorPages(Messages messages, FreemarkerViewsRenderer renderer, LayoutModel layout) {
        this.messages = messages;
        this.renderer = renderer;
        this.layout = layout;
    }

    /** Scripts get JSON; only a browser asking for a page (Accept: text/html) outside /api gets a page. */
    public static boolean wantsJson(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true;
        }
        return request.accept().stream().noneMatch(m -> m.getName().equals(MediaType.TEXT_HTML));
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String message, List<ApiError.Item> items) {
        if (wantsJson(request)) {
            return HttpResponse.status(status).body(new ApiError(message, items));
        }
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("title", messages.get(locale, "error." + status.getCode() + ".title"));
        model.put("explanation", messages.get(locale, "error." + status.getCode() + ".text"));
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(request, "error", model));
    }

    /** Renders a page outside the normal controller flow (error handlers run after the views filter). */
    String render(HttpRequest<?> request, String view, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> mav = new ModelAndView<>(view, model);
        layout.process(request, mav);
        StringWriter out = new StringWriter();
        try {
            renderer.render(view, mav.getModel().orElse(model), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** English messages for JSON errors. */
    public List<ApiError.Item> items(List<FieldError> errors) {
        return errors.stream()
                .map(e -> new ApiError.Item(e.field(), null, messages.get(Locale.ENGLISH, e.key(), e.args().toArray())))
                .toList();
    }
}
