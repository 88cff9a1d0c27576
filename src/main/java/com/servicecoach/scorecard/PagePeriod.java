package com.servicecoach.scorecard;

import com.servicecoach.web.DateParams;
import com.servicecoach.web.BadRequestException;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period of a scorecard page: the {@code from} and {@code to} query parameters, or the last 30 days, today
 * included (in the organization's zone), when both are absent, with ready-made neighbouring periods for quick links.
 */
public record PagePeriod(LocalDate from, LocalDate to, LocalDate today) {

    /** The default period's length: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;

    public static PagePeriod of(@Nullable String from, @Nullable String to, ZoneId zone, java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return new PagePeriod(today.minusDays(DEFAULT_DAYS - 1), today, today);
        }
        LocalDate[] p = DateParams.period(from, to);
        if (p[0].plusYears(5).isBefore(p[1])) {
            throw new BadRequestException("a period is at most 5 years long");
        }
        return new PagePeriod(p[0], p[1], today);
    }

    /** The problems of a scorecard page's period: at most five years. */
    public static Map<String, Object[]> problems(@Nullable String from, @Nullable String to) {
        return problems(from, to, 0);
    }

    /**
     * What is wrong with a period a form sent, field by field, as message keys with their arguments (empty when
     * nothing is): a date that is not YYYY-MM-DD, an end before the start, or more than {@code maxDays} days
     * (0: more than five years, the scorecards' limit).
     * Both absent is fine (the default period). Pages re-render their form with these; the JSON API keeps 400.
     */
    public static Map<String, Object[]> problems(@Nullable String from, @Nullable String to, int maxDays) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return out;
        }
        LocalDate f = date(from);
        LocalDate t = date(to);
        if (f == null) {
            out.put("from", new Object[]{noFrom ? "period.error.required" : "period.error.date"});
        }
        if (t == null) {
            out.put("to", new Object[]{noTo ? "period.error.required" : "period.error.date"});
        }
        if (f != null && t != null) {
            if (f.isAfter(t)) {
                out.put("to", new Object[]{"period.error.reversed", f.toString()});
            } else {
                long days = ChronoUnit.DAYS.between(f, t) + 1;
                if (maxDays <= 0 && f.plusYears(5).isBefore(t)) {
                    out.put("to", new Object[]{"period.error.tooLongYears", 5});
                } else if (maxDays > 0 && days > maxDays) {
                    out.put("to", new Object[]{"period.error.tooLong", maxDays, days});
                }
            }
        }
        return out;
    }

    /**
     * A period form's {@link #problems} in the reader's language, by field; when there are any, the entered values
     * and the errors go into the page's model ({@code periodValues}, {@code periodErrors}) so the form shows them.
     */
    public static Map<String, String> formErrors(com.servicecoach.web.Messages messages, java.util.Locale locale,
                                                 @Nullable String from, @Nullable String to, int maxDays, Map<String, Object> model) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems(from, to, maxDays).forEach((field, p) -> errors.put(field, messages.get(locale, (String) p[0],
                java.util.Arrays.stream(p, 1, p.length).map(String::valueOf).toArray())));
        if (!errors.isEmpty()) {
            model.put("periodErrors", errors);
            model.put("periodValues", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
        }
        return errors;
    }

    private static @Nullable LocalDate date(@Nullable String v) {
        if (v == null || !v.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The period of the same length just before this one (what "previous period" figures compare with). */
    public PagePeriod previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new PagePeriod(from.minusDays(days), from.minusDays(1), today);
    }

    public String last30Days() {
        return "from=" + today.minusDays(DEFAULT_DAYS - 1) + "&to=" + today;
    }

    /** The last 30 days: the period a page falls back to while its form shows an error. */
    public static PagePeriod defaultPeriod(ZoneId zone, java.time.Clock clock) {
        return of(null, null, zone, clock);
    }

    /** The query string of this period. */
    public String query() {
        return "from=" + from + "&to=" + to;
    }

    public String thisMonth() {
        return "from=" + today.withDayOfMonth(1) + "&to=" + today;
    }

    public String lastMonth() {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        return "from=" + first + "&to=" + first.with(TemporalAdjusters.lastDayOfMonth());
    }

    public String lastThreeMonths() {
        return "from=" + today.withDayOfMonth(1).minusMonths(2) + "&to=" + today;
    }

    public String thisYear() {
        return "from=" + today.withDayOfYear(1) + "&to=" + today;
    }
}
