package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Locale;

/**
 * The page language: the language a controller chose for this request ({@link #choose}, e.g. the public survey
 * page in its link's language), else the user's choice (kept in the {@code sc_lang} cookie, and in their account
 * so it follows them to another browser), else the browser's Accept-Language, else English.
 */
public final class LocaleResolver {

    public static final String COOKIE = "sc_lang";
    /** The request attribute holding a language a controller chose for its page. */
    static final String CHOSEN = "sc.chosenLocale";

    private LocaleResolver() {
    }

    /** Makes this request's page (its messages, {@code lang} and form errors) speak {@code locale}, whatever the cookie says. */
    public static void choose(HttpRequest<?> request, Locale locale) {
        request.setAttribute(CHOSEN, Messages.supported(locale));
    }

    public static Locale resolve(HttpRequest<?> request) {
        Locale chosen = request.getAttribute(CHOSEN, Locale.class).orElse(null);
        if (chosen != null) {
            return chosen;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null) {
            Locale remembered = Messages.fromTag(cookie.getValue());
            if (remembered != null) {
                return remembered;
            }
        }
        return request.getHeaders().findFirst("Accept-Language")
                .map(LocaleResolver::firstSupported)
                .orElse(Locale.ENGLISH);
    }

    static Locale firstSupported(String header) {
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String lang = range.getRange().toLowerCase(Locale.ROOT);
                if (lang.startsWith("zh")) {
                    return Messages.CHINESE;
                }
                if (lang.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    public static Cookie cookie(Locale locale) {
        return Cookie.of(COOKIE, Messages.tag(locale)).path("/").maxAge(60L * 60 * 24 * 365).httpOnly(true)
                .sameSite(io.micronaut.http.cookie.SameSite.Lax);
    }
}
