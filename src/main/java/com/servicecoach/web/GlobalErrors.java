package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/** Unknown routes and unexpected failures: a page for browsers, JSON for scripts; never exception text. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class GlobalErrors {

    private final ErrorPages pages;

    GlobalErrors(ErrorPages pages) {
        this.pages = pages;
    }

    /**
     * A page of its own that a route answered 404 with (Micronaut sends every 404 here, replacing the route's
     * body): a route that wants its page kept puts it in this request attribute, as the public survey page does
     * for an unknown link.
     */
    public static final String OWN_NOT_FOUND_PAGE = "sc.ownNotFoundPage";

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        Object own = request.getAttribute(OWN_NOT_FOUND_PAGE).orElse(null);
        if (own instanceof io.micronaut.views.ModelAndView<?> page) {
            return HttpResponse.notFound(page).header("Cache-Control", "no-store");
        }
        return pages.respond(request, HttpStatus.NOT_FOUND, "Not found", List.of());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> notAllowed(HttpRequest<?> request) {
        return pages.respond(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", List.of());
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<?> unsupported(HttpRequest<?> request) {
        return pages.respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", List.of());
    }

}
