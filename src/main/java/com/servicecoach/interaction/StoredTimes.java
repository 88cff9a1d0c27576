package com.servicecoach.interaction;

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
final class StoredTimes {

    private StoredTimes() {
    }

    static LocalDateTime micros(Instant t) {
        return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano() / 1000 * 1000, ZoneOffset.UTC);
    }

    static int extraNanos(Instant t) {
        return t.getNano() % 1000;
    }

    /** A bound for a datetime column; the instant must be a whole microsecond. */
    static LocalDateTime bound(Instant t) {
        if (t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("bounds are whole microseconds: " + t);
        }
        return micros(t);
    }

    static Instant read(ResultSet rs, int column, int nanosColumn) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        if (at == null) {
            return null;
        }
        return at.toInstant(ZoneOffset.UTC).plusNanos(rs.getInt(nanosColumn));
    }

    /** Sets a datetime parameter and its nanos parameter (null instant: NULL and 0). */
    static void set(PreparedStatement ps, int column, int nanosColumn, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(column, Types.TIMESTAMP);
            ps.setInt(nanosColumn, 0);
        } else {
            ps.setObject(column, micros(t));
            ps.setInt(nanosColumn, extraNanos(t));
        }
    }
}
