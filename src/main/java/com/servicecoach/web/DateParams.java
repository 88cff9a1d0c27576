package com.servicecoach.web;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Date query parameters (api.md: {@code YYYY-MM-DD}; a missing or malformed {@code from}/{@code to} is 400). */
public final class DateParams {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateParams() {
    }

    /** The date, or null when absent and not required; 400 when malformed (or absent and required). */
    public static @Nullable LocalDate parse(String name, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadRequestException(name + " is required (YYYY-MM-DD)");
            }
            return null;
        }
        String v = value.strip();
        try {
            if (!DATE.matcher(v).matches()) {
                throw new DateTimeException(v);
            }
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD, was '"
                    + (v.length() > 20 ? v.substring(0, 20) + "..." : v) + "'");
        }
    }

    /** Both ends of a required period; 400 when either is missing or malformed or from is after to. */
    public static LocalDate[] period(@Nullable String from, @Nullable String to) {
        LocalDate f = parse("from", from, true);
        LocalDate t = parse("to", to, true);
        if (f.isAfter(t)) {
            throw new BadRequestException("from " + f + " is after to " + t);
        }
        return new LocalDate[]{f, t};
    }
}
