package com.servicecoach.report.rendering;

import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.web.Formats;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report's page and documents write what the figures do not say by themselves
 * ({@code ${rt.signed(x)}} in templates): changes with their sign, flag reasons, the scope, the cut-off.
 */
public final class ReportText {

    private static final String MINUS = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final Locale locale;
    private final Formats fmt;
    private final ZoneId zone;

    public ReportText(Messages messages, Locale locale, Formats fmt, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.fmt = fmt;
        this.zone = zone;
    }

    /** A change with its sign (+1.5, −0.3, 0.0), or a dash when absent. */
    public String signed(@Nullable BigDecimal change) {
        if (change == null) {
            return Formats.ABSENT;
        }
        int s = change.signum();
        return s > 0 ? "+" + change.toPlainString() : s < 0 ? MINUS + change.negate().toPlainString() : change.toPlainString();
    }

    /** A whole-number change with its sign. */
    public String signedCount(@Nullable Number change) {
        if (change == null) {
            return Formats.ABSENT;
        }
        long v = change.longValue();
        return v > 0 ? "+" + v : v < 0 ? MINUS + (-v) : "0";
    }

    /** A change of a duration in seconds, as a signed duration. */
    public String signedDuration(@Nullable Long seconds) {
        if (seconds == null) {
            return Formats.ABSENT;
        }
        if (seconds == 0) {
            return fmt.duration(0L);
        }
        return (seconds > 0 ? "+" : MINUS) + fmt.duration(Math.abs(seconds));
    }

    /** The CSS class of a change: better, worse or none; {@code lowerIsBetter} for durations. */
    public String trend(@Nullable Number change, boolean lowerIsBetter) {
        if (change == null) {
            return "same";
        }
        int s = change instanceof BigDecimal d ? d.signum() : Long.signum(change.longValue());
        if (s == 0) {
            return "same";
        }
        return (s > 0) != lowerIsBetter ? "better" : "worse";
    }

    /** Why an agent is flagged, in words. */
    public String flag(PerformanceReport.Flag f) {
        String key = "report.flag." + f.reason();
        if (f.reason().equals("bottom_composite")) {
            return messages.get(locale, key, plain(f.value()), plain(f.threshold()), f.count());
        }
        if (f.reason().endsWith("_below_team")) {
            BigDecimal gap = f.value() == null || f.threshold() == null ? null : f.threshold().subtract(f.value());
            return messages.get(locale, key, plain(f.value()), plain(f.threshold()), plain(gap));
        }
        if (f.count() != null) {
            return messages.get(locale, key, f.count());
        }
        return messages.get(locale, key, plain(f.value()), plain(f.threshold()));
    }

    /** One reason of the flagged agents: its short name, its code and how many agents it flags. */
    public record ReasonCount(String reason, String label, int agents) {
    }

    /** The reasons the flagged agents have, each with the number of agents, the most frequent first. */
    public java.util.List<ReasonCount> reasons(PerformanceReport r) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (PerformanceReport.Flagged f : r.flagged()) {
            f.reasons().stream().map(PerformanceReport.Flag::reason).distinct().forEach(reason -> counts.merge(reason, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new ReasonCount(e.getKey(), messages.get(locale, "report.flagShort." + e.getKey()), e.getValue()))
                .toList();
    }

    /** The short name of a flag reason (table badges). */
    public String flagShort(PerformanceReport.Flag f) {
        return messages.get(locale, "report.flagShort." + f.reason());
    }

    /** The report's scope: the team, or "All teams". */
    public String scope(PerformanceReport r) {
        return r.team() == null ? messages.get(locale, "report.allTeams") : r.team();
    }

    /** A period in words: its label, and its dates unless it is a month or quarter. */
    public String period(PerformanceReport.Period p) {
        return messages.get(locale, "report.period." + p.kind(), p.label(), p.from(), p.to());
    }

    /** The data cut-off in the organization's zone, or a note that there are no interactions. */
    public String cutoff(PerformanceReport r) {
        if (r.dataCutoff() == null) {
            return messages.get(locale, "report.cutoff.none");
        }
        return messages.get(locale, "report.cutoff.value", TIME.format(Instant.parse(r.dataCutoff()).atZone(zone)), zone.getId());
    }

    /** A threshold, or "not checked". */
    public String threshold(@Nullable BigDecimal t) {
        return t == null ? messages.get(locale, "report.threshold.notChecked") : t.toPlainString() + " %";
    }

    /** A module's title in the reader's language. */
    public String title(PerformanceReport.ModuleRow m) {
        return Messages.CHINESE.equals(Messages.supported(locale)) ? m.titleZh() : m.titleEn();
    }

    public String title(PerformanceReport.ImpactRow m) {
        return Messages.CHINESE.equals(Messages.supported(locale)) ? m.titleZh() : m.titleEn();
    }

    /** Seconds as a duration (SLA targets). */
    public String duration(@Nullable Long seconds) {
        return fmt.duration(seconds);
    }

    private static String plain(@Nullable BigDecimal v) {
        return v == null ? Formats.ABSENT : v.toPlainString();
    }
}
