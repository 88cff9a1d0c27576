package com.servicecoach.report.building;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's period: a calendar month ({@code 2026-03}), a quarter ({@code 2026-Q1}), a calendar year
 * ({@code 2026}) or any dates ({@code 2026-03-01..2026-03-15}), both ends inclusive. The period it is compared
 * with is the previous calendar month, quarter or year when the period is one, else the same number of days
 * just before (api.md).
 */
public record ReportPeriod(LocalDate from, LocalDate to, Kind kind) {

    public enum Kind { MONTH, QUARTER, YEAR, DAYS }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern DAYS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts (" + from + ") after it ends (" + to + ")");
        }
    }

    /** Parses the command line's and the page's period notation; throws IllegalArgumentException saying why. */
    public static ReportPeriod parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new ReportPeriod(ym.atDay(1), ym.atEndOfMonth(), Kind.MONTH);
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = YEAR.matcher(t);
            if (m.matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            m = DAYS.matcher(t);
            if (m.matches()) {
                return of(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + t + "' is not a real date: " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + t + "' is not a period: use 2026-03, 2026-Q1, 2026 or 2026-03-01..2026-03-15");
    }

    /** A period from dates; recognised as a month, quarter or year when it is exactly one. */
    public static ReportPeriod of(LocalDate from, LocalDate to) {
        if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
            return year(from.getYear());
        }
        YearMonth ym = YearMonth.from(from);
        if (from.equals(ym.atDay(1)) && to.equals(ym.atEndOfMonth())) {
            return new ReportPeriod(from, to, Kind.MONTH);
        }
        int q = (from.getMonthValue() - 1) / 3 + 1;
        ReportPeriod quarter = quarter(from.getYear(), q);
        if (quarter.from().equals(from) && quarter.to().equals(to)) {
            return quarter;
        }
        return new ReportPeriod(from, to, Kind.DAYS);
    }

    public static ReportPeriod year(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return new ReportPeriod(first, first.withDayOfYear(first.lengthOfYear()), Kind.YEAR);
    }

    public static ReportPeriod quarter(int year, int q) {
        YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
        return new ReportPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth(), Kind.QUARTER);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public ReportPeriod previous() {
        return switch (kind) {
            case MONTH -> {
                YearMonth ym = YearMonth.from(from).minusMonths(1);
                yield new ReportPeriod(ym.atDay(1), ym.atEndOfMonth(), Kind.MONTH);
            }
            case QUARTER -> {
                YearMonth ym = YearMonth.from(from).minusMonths(3);
                yield new ReportPeriod(ym.atDay(1), ym.plusMonths(2).atEndOfMonth(), Kind.QUARTER);
            }
            case YEAR -> year(from.getYear() - 1);
            case DAYS -> new ReportPeriod(from.minusDays(days()), from.minusDays(1), Kind.DAYS);
        };
    }

    /** The period after this one: the next month or quarter, else as many days just after. */
    public ReportPeriod next() {
        return switch (kind) {
            case MONTH -> {
                YearMonth ym = YearMonth.from(from).plusMonths(1);
                yield new ReportPeriod(ym.atDay(1), ym.atEndOfMonth(), Kind.MONTH);
            }
            case QUARTER -> {
                YearMonth ym = YearMonth.from(from).plusMonths(3);
                yield new ReportPeriod(ym.atDay(1), ym.plusMonths(2).atEndOfMonth(), Kind.QUARTER);
            }
            case YEAR -> year(from.getYear() + 1);
            case DAYS -> new ReportPeriod(to.plusDays(1), to.plusDays(days()), Kind.DAYS);
        };
    }

    /** The notation that sorts by period in a listing: 2026, 2026-03, 2026-Q1, 2026-03-01..2026-03-15. */
    public String label() {
        return switch (kind) {
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(from.getYear());
            case DAYS -> from + ".." + to;
        };
    }
}
