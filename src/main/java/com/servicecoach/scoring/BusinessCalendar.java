package com.servicecoach.scoring;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The calendar a channel's durations are measured on (metrics.md, "Durations"): either {@code 24x7}
 * (every second counts) or a business calendar, i.e. a zone, at most one opening interval per weekday
 * and holiday dates in the calendar's zone (whole days closed).
 *
 * <p>A closing time of 00:00 means the end of the day (24:00), so {@code 00:00-00:00} is a whole day.
 *
 * @param alwaysOpen   true for a {@code 24x7} calendar (then there are no opening hours or holidays)
 * @param zone         the zone opening hours and holidays are read in
 * @param openingHours the opening interval of each weekday that has one
 * @param holidays     whole days closed, in {@code zone}
 */
public record BusinessCalendar(boolean alwaysOpen, ZoneId zone, Map<DayOfWeek, OpeningHours> openingHours,
                               Set<LocalDate> holidays) {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BusinessCalendar TWENTY_FOUR_SEVEN =
            new BusinessCalendar(true, ZoneOffset.UTC, Map.of(), Set.of());

    /** One opening interval of a weekday, {@code open} before {@code close} (a close of 00:00 is 24:00). */
    public record OpeningHours(LocalTime open, LocalTime close) {
        public OpeningHours {
            Objects.requireNonNull(open, "opening time is required");
            Objects.requireNonNull(close, "closing time is required");
            if (!closesAtEndOfDay(close) && !open.isBefore(close)) {
                throw new IllegalArgumentException(
                        "opening time " + open + " must be before closing time " + close);
            }
        }

        private static boolean closesAtEndOfDay(LocalTime close) {
            return close.equals(LocalTime.MIDNIGHT);
        }

        int closeSecondOfDay() {
            return closesAtEndOfDay(close) ? (int) SECONDS_PER_DAY : close.toSecondOfDay();
        }

        Instant openOn(LocalDate day, ZoneId zone) {
            return day.atTime(open).atZone(zone).toInstant();
        }

        Instant closeOn(LocalDate day, ZoneId zone) {
            return closesAtEndOfDay(close)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(close).atZone(zone).toInstant();
        }
    }

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone is required");
        Objects.requireNonNull(openingHours, "opening hours are required (may be empty only for 24x7)");
        Objects.requireNonNull(holidays, "holidays are required (may be empty)");
        EnumMap<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, interval) -> {
            if (day == null || interval == null) {
                throw new IllegalArgumentException("opening hours must not contain null days or intervals");
            }
            hours.put(day, interval);
        });
        for (LocalDate holiday : holidays) {
            if (holiday == null) {
                throw new IllegalArgumentException("holidays must not contain null");
            }
        }
        if (alwaysOpen && (!hours.isEmpty() || !holidays.isEmpty())) {
            throw new IllegalArgumentException("a 24x7 calendar has no opening hours or holidays");
        }
        if (!alwaysOpen && hours.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one opening interval");
        }
        openingHours = Collections.unmodifiableMap(hours);
        holidays = Set.copyOf(holidays);
    }

    /** The {@code 24x7} calendar: every elapsed second counts. */
    public static BusinessCalendar twentyFourSeven() {
        return TWENTY_FOUR_SEVEN;
    }

    /** A business calendar with the given opening hours per weekday and holidays. */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, OpeningHours> openingHours,
                                      Set<LocalDate> holidays) {
        return new BusinessCalendar(false, zone, openingHours, holidays);
    }

    /** A business calendar open Monday to Friday from {@code open} to {@code close}, without holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime open, LocalTime close) {
        OpeningHours interval = new OpeningHours(open, close);
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, interval);
        }
        return of(zone, hours, Set.of());
    }

    /** This calendar with other holidays (a 24x7 calendar has none). */
    public BusinessCalendar withHolidays(Set<LocalDate> newHolidays) {
        return new BusinessCalendar(alwaysOpen, zone, openingHours, newHolidays);
    }

    /**
     * The time between {@code start} and {@code end} that falls inside opening hours (all of it for 24x7),
     * computed exactly and then truncated to whole seconds; 0 when {@code end <= start}.
     * Works day by day (never second by second): in plain arithmetic while the zone's offset stays the same,
     * otherwise through the zone's rules, so DST transitions are honoured.
     */
    public long openSeconds(Instant start, Instant end) {
        Objects.requireNonNull(start, "start is required");
        Objects.requireNonNull(end, "end is required");
        if (!end.isAfter(start)) {
            return 0;
        }
        if (alwaysOpen) {
            return wholeSeconds(start.getEpochSecond(), start.getNano(), end.getEpochSecond(), end.getNano());
        }
        ZoneOffset offset = constantOffset(start, end);
        return offset != null ? openSecondsAtOffset(start, end, offset.getTotalSeconds()) : openSecondsByZone(start, end);
    }

    /**
     * The instant at which {@code openSeconds} of open time have passed since {@code start} on this calendar: the
     * earliest {@code t} with {@code openSeconds(start, t) == openSeconds} (a due time, metrics.md "Service level").
     * On {@code 24x7} that is {@code start + openSeconds}; on business hours the closed hours, closed weekdays and
     * holidays are skipped, so an amount that runs out exactly at a closing time is due at that closing time, not at
     * the next opening. 0 is due at {@code start}. Walks day by day through the zone's rules (DST honoured, as
     * {@link #openSeconds}).
     *
     * @throws IllegalArgumentException when {@code openSeconds} is negative
     */
    public Instant dueAt(Instant start, long openSeconds) {
        Objects.requireNonNull(start, "start is required");
        if (openSeconds < 0) {
            throw new IllegalArgumentException("open seconds must not be negative, were " + openSeconds);
        }
        if (alwaysOpen || openSeconds == 0) {
            return start.plusSeconds(openSeconds);
        }
        // at least one weekday opens and there are finitely many holidays, so an open day always comes
        Duration remaining = Duration.ofSeconds(openSeconds);
        for (LocalDate day = LocalDate.ofInstant(start, zone); ; day = day.plusDays(1)) {
            OpeningHours interval = openingHours.get(day.getDayOfWeek());
            if (interval == null || holidays.contains(day)) {
                continue;
            }
            Instant close = interval.closeOn(day, zone);
            if (!close.isAfter(start)) {
                continue;
            }
            Instant open = interval.openOn(day, zone);
            Instant from = open.isAfter(start) ? open : start;
            if (!close.isAfter(from)) {
                continue;
            }
            Duration span = Duration.between(from, close);
            if (span.compareTo(remaining) >= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(span);
        }
    }

    /** The zone's offset if it does not change from a day before start to two days after end, else null. */
    private ZoneOffset constantOffset(Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return rules.getOffset(start);
        }
        Instant from = start.minusSeconds(SECONDS_PER_DAY);
        ZoneOffsetTransition next = rules.nextTransition(from);
        if (next != null && !next.getInstant().isAfter(end.plusSeconds(2 * SECONDS_PER_DAY))) {
            return null;
        }
        return rules.getOffset(from);
    }

    /** Day by day in plain arithmetic, for a span over which the zone's offset is constant. */
    private long openSecondsAtOffset(Instant start, Instant end, int offsetSeconds) {
        long startSecond = start.getEpochSecond();
        int startNano = start.getNano();
        long endSecond = end.getEpochSecond();
        int endNano = end.getNano();
        long seconds = 0;
        long nanos = 0;
        long lastDay = Math.floorDiv(endSecond + offsetSeconds, SECONDS_PER_DAY);
        for (long day = Math.floorDiv(startSecond + offsetSeconds, SECONDS_PER_DAY); day <= lastDay; day++) {
            OpeningHours interval = openingHours.get(DayOfWeek.of((int) Math.floorMod(day + 3, 7L) + 1));
            if (interval == null || (!holidays.isEmpty() && holidays.contains(LocalDate.ofEpochDay(day)))) {
                continue;
            }
            long midnight = day * SECONDS_PER_DAY - offsetSeconds;
            long open = midnight + interval.open().toSecondOfDay();
            long close = midnight + interval.closeSecondOfDay();
            long fromSecond = open > startSecond ? open : startSecond;
            int fromNano = open > startSecond ? 0 : startNano;
            long toSecond = close <= endSecond ? close : endSecond;
            int toNano = close <= endSecond ? 0 : endNano;
            long span = (toSecond - fromSecond) * NANOS_PER_SECOND + (toNano - fromNano);
            if (span > 0) {
                seconds += span / NANOS_PER_SECOND;
                nanos += span % NANOS_PER_SECOND;
            }
        }
        return seconds + nanos / NANOS_PER_SECOND;
    }

    /** Day by day through the zone's rules, for a span that contains an offset change (e.g. DST). */
    private long openSecondsByZone(Instant start, Instant end) {
        long seconds = 0;
        long nanos = 0;
        LocalDate lastDay = LocalDate.ofInstant(end, zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(start, zone); !day.isAfter(lastDay); day = day.plusDays(1)) {
            OpeningHours interval = openingHours.get(day.getDayOfWeek());
            if (interval == null || holidays.contains(day)) {
                continue;
            }
            Instant open = interval.openOn(day, zone);
            if (!open.isBefore(end)) {
                break;
            }
            Instant from = open.isAfter(start) ? open : start;
            Instant close = interval.closeOn(day, zone);
            Instant to = close.isBefore(end) ? close : end;
            if (to.isAfter(from)) {
                seconds += to.getEpochSecond() - from.getEpochSecond();
                nanos += to.getNano() - from.getNano();
            }
        }
        return seconds + Math.floorDiv(nanos, NANOS_PER_SECOND);
    }

    private static long wholeSeconds(long startSecond, int startNano, long endSecond, int endNano) {
        long seconds = endSecond - startSecond;
        return endNano < startNano ? seconds - 1 : seconds;
    }
}
