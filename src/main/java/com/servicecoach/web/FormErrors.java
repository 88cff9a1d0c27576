package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates field errors for a form that is shown again with them (422). */
@Singleton
public class FormErrors {

    public record Shown(String field, String message) {
    }

    private final Messages messages;

    FormErrors(Messages messages) {
        this.messages = messages;
    }

    public List<Shown> describe(HttpRequest<?> request, InvalidInputException e) {
        Locale locale = LocaleResolver.resolve(request);
        return e.errors().stream().map(f -> new Shown(f.field(), messages.get(locale, f.key(), f.args().toArray()))).toList();
    }

    /** field -> message (the first per field), for the {@code field} macro. */
    public static Map<String, String> byField(List<Shown> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
