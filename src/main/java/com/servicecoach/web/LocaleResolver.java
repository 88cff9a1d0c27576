package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Locale;

/**
 * The page language: the user's choice (kept in the {@code sc_lang} cookie, and in their account so it
 * follows them to another browser), else the browser's Accept-Language, else English.
 */
public final class LocaleResolver {

    public static final String COOKIE = "sc_lang";

    private LocaleResolver() {
    }

    public static Locale resolve(HttpRequest<?> request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null) {
            Locale chosen = Messages.fromTag(cookie.getValue());
            if (chosen != null) {
                return chosen;
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
