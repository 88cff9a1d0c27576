package com.servicecoach.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How an exact instant is stored: a UTC {@code datetime(6)} (truncated to the microsecond) and a
 * {@code smallint} with the nanoseconds beyond it (0-999). Because period bounds are whole microseconds,
 * comparing the datetime column alone with a bound gives the same answer as comparing the exact instant.
 */
public final class StoredTimes {

    private StoredTimes() {
    }

    public static LocalDateTime micros(Instant t) {
        return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano() / 1000 * 1000, ZoneOffset.UTC);
    }

    public static int extraNanos(Instant t) {
        return t.getNano() % 1000;
    }

    /** A bound for a datetime column; the instant must be a whole microsecond. */
    public static LocalDateTime bound(Instant t) {
        if (t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("bounds are whole microseconds: " + t);
        }
        return micros(t);
    }

    public static Instant read(ResultSet rs, int column, int nanosColumn) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        if (at == null) {
            return null;
        }
        return at.toInstant(ZoneOffset.UTC).plusNanos(rs.getInt(nanosColumn));
    }

    /** An instant read as microseconds since the epoch (UTC) plus the nanoseconds column; null stays null. */
    public static Instant fromMicros(ResultSet rs, int column, int nanosColumn) throws SQLException {
        long micros = rs.getLong(column);
        if (rs.wasNull()) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L
                + rs.getInt(nanosColumn));
    }

    /**
     * Sets a datetime parameter and its nanos parameter (null instant: NULL and 0). The datetime is sent as text
     * ({@code YYYY-MM-DD HH:MM:SS.ffffff}): mysql-connector-j drops the fraction of a LocalDateTime when the server
     * reports an old version number, as MariaDB does.
     */
    public static void set(PreparedStatement ps, int column, int nanosColumn, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(column, Types.TIMESTAMP);
            ps.setInt(nanosColumn, 0);
        } else {
            ps.setString(column, text(micros(t)));
            ps.setInt(nanosColumn, extraNanos(t));
        }
    }

    /** A UTC datetime as {@code YYYY-MM-DD HH:MM:SS.ffffff}. */
    public static String text(LocalDateTime t) {
        char[] c = "0000-00-00 00:00:00.000000".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 6, t.getNano() / 1000);
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        if (value < 0 || (width == 4 && value > 9999)) {
            throw new IllegalArgumentException("year outside 0000-9999: " + value);
        }
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
