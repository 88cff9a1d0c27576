package com.servicecoach.web;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * How pages show instants ({@code ${times.at(x)}} in templates): always in the organization's zone, which
 * the page names once ({@code times.zoneName()}, for example "Asia/Shanghai (UTC+08:00)"), so that an
 * assessment deadline, a notification and an interaction read on one clock.
 */
public final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<ZoneId> source;
    private ZoneId zone;

    public Times(ZoneId zone) {
        this(() -> zone);
    }

    /** Looks the zone up only when a page first shows a time. */
    public Times(Supplier<ZoneId> zone) {
        this.source = zone;
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = source.get();
        }
        return zone;
    }

    /** The instant to the minute, in the organization's zone, or a dash. */
    public String at(@Nullable Instant t) {
        return t == null ? Formats.ABSENT : MINUTE.format(t.atZone(zone()));
    }

    /** The instant to the second, in the organization's zone, or a dash. */
    public String exact(@Nullable Instant t) {
        return t == null ? Formats.ABSENT : SECOND.format(t.atZone(zone()));
    }

    /** A time stored as a UTC date-time without zone (as some tables keep them), to the second. */
    public String exactUtc(@Nullable LocalDateTime utc) {
        return utc == null ? Formats.ABSENT : exact(utc.toInstant(ZoneOffset.UTC));
    }

    /** The instant to the minute followed by the zone's name: for a time that stands alone in a sentence. */
    public String atNamed(@Nullable Instant t) {
        return t == null ? Formats.ABSENT : at(t) + " " + zoneName(t);
    }

    /** The date the instant falls on in the organization's zone, or a dash. */
    public String day(@Nullable Instant t) {
        return t == null ? Formats.ABSENT : LocalDate.ofInstant(t, zone()).toString();
    }

    /** The zone's id with its offset now, e.g. "Asia/Shanghai (UTC+08:00)". */
    public String zoneName() {
        return zoneName(Instant.now());
    }

    private String zoneName(Instant when) {
        ZoneId z = zone();
        ZoneOffset offset = z.getRules().getOffset(when);
        String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        return z.getId().equals("UTC") || z.getId().equals("Z") ? "UTC" : z.getId() + " (" + utc + ")";
    }

    /** The instant as ISO-8601 UTC, for a {@code <time datetime>} attribute or a script. */
    public String iso(@Nullable Instant t) {
        return t == null ? "" : t.toString();
    }
}
