package com.servicecoach.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/** Exception handlers: each maps one kind of failure to its status (see api.md). */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    @Produces
    @Singleton
    static class Invalid implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
        private final ErrorPages pages;

        Invalid(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidInputException e) {
            return pages.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", pages.items(e.errors()));
        }
    }

    /** 404, 403, 409 and 400 raised by the application's own rules. */
    @Produces
    @Singleton
    static class Status implements ExceptionHandler<StatusException, HttpResponse<?>> {
        private final ErrorPages pages;

        Status(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, StatusException e) {
            return pages.respond(request, e.status(), e.getMessage(), List.of());
        }
    }

    /** A parameter or body that could not be converted (e.g. a malformed date): 400. */
    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final ErrorPages pages;

        Conversion(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            String name = e.getArgument().getName();
            return pages.respond(request, HttpStatus.BAD_REQUEST, "Malformed value for '" + name + "'",
                    List.of(new ApiError.Item(name, null, "malformed value")));
        }
    }

    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    static class Unsatisfied implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        private final ErrorPages pages;

        Unsatisfied(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
            String name = e.getArgument().getName();
            return pages.respond(request, HttpStatus.BAD_REQUEST, "Required parameter '" + name + "' is missing",
                    List.of(new ApiError.Item(name, null, "required")));
        }
    }

    @Produces
    @Singleton
    @Replaces(io.micronaut.validation.exceptions.ConstraintExceptionHandler.class)
    static class Constraint implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final ErrorPages pages;

        Constraint(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            List<ApiError.Item> items = e.getConstraintViolations().stream()
                    .map(v -> {
                        String path = v.getPropertyPath().toString();
                        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                        return new ApiError.Item(field, null, v.getMessage());
                    }).toList();
            return pages.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", items);
        }
    }

    /** Not signed in: JSON 401 for scripts, the sign-in page for browsers. Signed in but not allowed: 403. */
    @Produces
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static class Authorization implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
        private final ErrorPages pages;

        Authorization(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
            if (e.isForbidden()) {
                return pages.respond(request, HttpStatus.FORBIDDEN, "You may not do this", List.of());
            }
            if (ErrorPages.wantsJson(request)) {
                MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .body(ApiError.of("Sign in first: HTTP Basic, or a bearer token from POST /api/login"));
                if (request.getHeaders().getAuthorization().isEmpty() && request.getCookies().get("SC_SESSION") == null) {
                    response.header("WWW-Authenticate", "Basic realm=\"ServiceCoach\"");
                }
                return response;
            }
            String next = request.getPath();
            String query = request.getUri().getRawQuery();
            if (query != null) {
                next = next + "?" + query;
            }
            return HttpResponse.seeOther(java.net.URI.create("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /**
     * Anything unexpected: logged with its stack trace, answered without exception text. A database that cannot be
     * reached is not unexpected: 503 with Retry-After ({@link DatabaseUnavailable}), logged in one line.
     */
    @Produces
    @Singleton
    static class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Unexpected.class);
        private final ErrorPages pages;
        private final DatabaseUnavailable unavailable;

        Unexpected(ErrorPages pages, DatabaseUnavailable unavailable) {
            this.pages = pages;
            this.unavailable = unavailable;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception e) {
            if (DatabaseUnavailable.isCause(e)) {
                LOG.warn("Request {} {}: the database is unavailable ({})", request.getMethod(), request.getPath(), e.toString());
                return unavailable.respond(request);
            }
            LOG.error("Request {} {} failed", request.getMethod(), request.getPath(), e);
            return pages.respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server", List.of());
        }
    }
}
