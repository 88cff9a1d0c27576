package com.servicecoach.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
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
            if (MalformedJson.isMalformedJson(e)) {
                return MalformedJson.respond(pages, request, e);
            }
            String name = e.getArgument().getName();
            String expected = expected(e.getArgument().getType());
            return pages.respond(request, HttpStatus.BAD_REQUEST,
                    "Malformed value for '" + name + "'" + (expected == null ? "" : ": give " + expected),
                    List.of(new ApiError.Item(name, null, expected == null ? "malformed value" : expected)));
        }

        /** What a whole-number parameter takes (e.g. page=2147483648 or page=1.5 does not convert to an int). */
        private static String expected(Class<?> type) {
            if (type == Integer.class || type == int.class) {
                return "a whole number no larger than " + Integer.MAX_VALUE;
            }
            if (type == Long.class || type == long.class) {
                return "a whole number no larger than " + Long.MAX_VALUE;
            }
            return null;
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

    /**
     * A request body that is not valid JSON: 400 {@code {"message":"Malformed JSON body"}} with, when the
     * parser knows it, the line and column of the problem. Never the parser's own text (it names internals).
     * Replaces Micronaut's handlers, which echoed it ("Invalid JSON: Unexpected character ...").
     */
    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.JsonExceptionHandler.class)
    static class MalformedJson implements ExceptionHandler<io.micronaut.json.JsonSyntaxException, HttpResponse<?>> {
        static final String MESSAGE = "Malformed JSON body";
        private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile("line: (\\d{1,9}), column: (\\d{1,9})");
        private final ErrorPages pages;

        MalformedJson(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, io.micronaut.json.JsonSyntaxException e) {
            return respond(pages, request, e);
        }

        /** Whether {@code e} or one of its causes says the body is not valid JSON. */
        static boolean isMalformedJson(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof io.micronaut.json.JsonSyntaxException || t instanceof com.fasterxml.jackson.core.JsonParseException) {
                    return true;
                }
            }
            return false;
        }

        static MutableHttpResponse<?> respond(ErrorPages pages, HttpRequest<?> request, Throwable e) {
            List<ApiError.Item> where = location(e)
                    .map(at -> List.of(new ApiError.Item(null, at[0], "not valid JSON at line " + at[0] + ", column " + at[1])))
                    .orElse(List.of());
            return pages.respond(request, HttpStatus.BAD_REQUEST, MESSAGE, where);
        }

        /** Line and column of the problem, from the parser's location (or, failing that, its message). */
        static java.util.Optional<int[]> location(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                        && j.getLocation().getLineNr() > 0) {
                    return java.util.Optional.of(new int[]{j.getLocation().getLineNr(), Math.max(j.getLocation().getColumnNr(), 0)});
                }
            }
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                java.util.regex.Matcher m = LOCATION.matcher(String.valueOf(t.getMessage()));
                String last = null;
                while (m.find()) {
                    last = m.group(1) + ":" + m.group(2); // the last location is where reading stopped
                }
                if (last != null) {
                    String[] parts = last.split(":");
                    return java.util.Optional.of(new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The same answer where Jackson's own exception arrives (its handler also echoed the parser's text). */
    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.JacksonExceptionHandler.class)
    @io.micronaut.context.annotation.Requires(classes = com.fasterxml.jackson.core.JsonProcessingException.class)
    static class MalformedJackson implements ExceptionHandler<com.fasterxml.jackson.core.JsonProcessingException, HttpResponse<?>> {
        private final ErrorPages pages;

        MalformedJackson(ErrorPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, com.fasterxml.jackson.core.JsonProcessingException e) {
            return MalformedJson.respond(pages, request, e);
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
            MutableHttpResponse<?> response;
            if (ErrorPages.wantsJson(request)) {
                response = HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .body(ApiError.of("Sign in first: HTTP Basic, or a bearer token from POST /api/login"));
                if (isScript(request)) {
                    response.header("WWW-Authenticate", "Basic realm=\"ServiceCoach\"");
                }
            } else {
                String next = request.getPath();
                String query = request.getUri().getRawQuery();
                if (query != null) {
                    next = next + "?" + query;
                }
                response = HttpResponse.seeOther(java.net.URI.create("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (request.getCookies().get(CsrfFilter.SESSION_COOKIE) != null) {
                // the cookie's session has ended (or its token expired): the browser may forget it
                response.cookie(Cookie.of(CsrfFilter.SESSION_COOKIE, "").path("/").httpOnly(true).maxAge(0));
            }
            return response;
        }
    }

    /**
     * Offers HTTP Basic only to scripts: a request with no Authorization header, no cookies and none of
     * the Sec-Fetch headers every current browser sends. A browser is never asked, so it never keeps Basic
     * credentials that a cross-site request could ride on.
     */
    static boolean isScript(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().isEmpty() && request.getCookies().getAll().isEmpty()
                && request.getHeaders().get("Sec-Fetch-Mode") == null && request.getHeaders().get("Sec-Fetch-Site") == null;
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
