package com.servicecoach.account;

import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The sign-in form, sign-out and the language switch. */
@Hidden
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {

    private final AccountService accounts;
    private final SessionTokens tokens;
    private final Messages messages;
    private final Sessions sessions;

    SignInController(AccountService accounts, SessionTokens tokens, Messages messages, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/login")
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String next) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", safeNext(next));
        model.put("username", "");
        return new ModelAndView<>("account/login", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        String next = form.get("next");
        if (next != null && !next.isEmpty() && !isLocalPath(next)) {
            // a tampered or broken link: nothing is checked, the form comes back to go to the home page
            return HttpResponse.badRequest().body(loginPage(request, username, "/", "login.error.next"));
        }
        SignInResult result = accounts.signIn(username, form.get("password"));
        if (!result.ok()) {
            return HttpResponse.unauthorized().body(loginPage(request, username, safeNext(next), result.messageKey()));
        }
        User user = result.user();
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(safeNext(form.get("next"))))
                .cookie(tokens.cookie(tokens.newBrowserToken(user)));
        if (user.locale() != null && request.getCookies().get(LocaleResolver.COOKIE) == null) {
            response.cookie(LocaleResolver.cookie(Messages.fromTag(user.locale())));
        }
        return response;
    }

    /** Ends this browser's session on the server too, so a copy of its cookie no longer works. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        request.getUserPrincipal(Authentication.class).map(SessionTokens::sessionId).ifPresent(sessions::end);
        return HttpResponse.seeOther(URI.create("/login")).cookie(tokens.expiredCookie());
    }

    private ModelAndView<Map<String, Object>> loginPage(HttpRequest<?> request, String username, String next, String errorKey) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("username", username);
        model.put("error", messages.get(locale, errorKey));
        return new ModelAndView<>("account/login", model);
    }

    /** Switches the page language; remembered in a cookie and, for a signed-in user, in their account. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> language(HttpRequest<?> request, @Body Map<String, String> form) {
        Locale locale = Messages.fromTag(form.get("lang"));
        if (locale == null) {
            locale = Locale.ENGLISH;
        }
        String username = request.getUserPrincipal().map(java.security.Principal::getName).orElse(null);
        if (username != null) {
            accounts.setLocale(username, Messages.tag(locale));
        }
        return HttpResponse.seeOther(URI.create(safeNext(form.get("next")))).cookie(LocaleResolver.cookie(locale));
    }

    /**
     * Only local paths, so the sign-in page cannot be used to send people elsewhere; a path holding white
     * space or control characters (which browsers strip or read as a line break) is not a local path either.
     */
    static String safeNext(@Nullable String next) {
        return isLocalPath(next) ? next : "/";
    }

    static boolean isLocalPath(@Nullable String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login")
                && next.length() <= 2000 && next.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '\\');
    }
}
