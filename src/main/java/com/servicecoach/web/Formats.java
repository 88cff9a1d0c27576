package com.servicecoach.web;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show figures ({@code ${fmt.percent(x)}} in templates): an absent figure as a dash, percentages
 * with their one decimal, durations in days, hours, minutes and seconds in the reader's language.
 */
public final class Formats {

    public static final String ABSENT = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final Locale locale;
    private final ZoneId zone;

    public Formats(Messages messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** A percentage as serialized (one decimal) with a percent sign, or a dash. */
    public String percent(@Nullable BigDecimal p) {
        return p == null ? ABSENT : p.toPlainString() + " %";
    }

    /** A number as serialized, or a dash. */
    public String number(@Nullable Object n) {
        if (n == null) {
            return ABSENT;
        }
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }

    /** A number for a chart or a sort key: plain, or empty when absent. */
    public String plain(@Nullable Object n) {
        if (n == null) {
            return "";
        }
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }

    /** Whole seconds as "2 h 5 min" (the two largest units), or a dash. */
    public String duration(@Nullable Long seconds) {
        if (seconds == null) {
            return ABSENT;
        }
        long s = seconds;
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long secs = s % 60;
        if (days > 0) {
            return unit(days, "unit.days") + (hours > 0 ? " " + unit(hours, "unit.hours") : "");
        }
        if (hours > 0) {
            return unit(hours, "unit.hours") + (minutes > 0 ? " " + unit(minutes, "unit.minutes") : "");
        }
        if (minutes > 0) {
            return unit(minutes, "unit.minutes") + (secs > 0 ? " " + unit(secs, "unit.seconds") : "");
        }
        return unit(secs, "unit.seconds");
    }

    /** An instant in the organization's zone, to the second, or a dash. */
    public String time(@Nullable Instant t) {
        return t == null ? ABSENT : TIME.format(t.atZone(zone));
    }

    /** The organization's zone. */
    public String zone() {
        return zone.getId();
    }

    private String unit(long n, String key) {
        return messages.get(locale, key, n);
    }
}
