package com.servicecoach.interaction;

import com.servicecoach.database.StoredTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The fast way to insert a batch of new interactions into MySQL: {@code LOAD DATA LOCAL INFILE} fed from memory
 * (the batch itself, never a file), which MySQL stores about twice as fast as a multi-row INSERT. It needs
 * {@code allowLoadLocalInfile=true} in the JDBC URL (and {@code local_infile} on the server); where that is not
 * available the importer uses batched INSERT statements, with the same result.
 *
 * <p>The driver's stream hook is reached by reflection, so that mysql-connector-j stays a runtime dependency.
 */
final class MySqlBulkInsert {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlBulkInsert.class);
    private static final String SQL = "load data local infile 'interaction-batch' into table interaction character set utf8mb4 "
            + "(source, external_id, agent_id, channel, category, created_at, created_ns, first_response_at, first_response_ns, "
            + "resolved_at, resolved_ns, rating, comment, import_id, updated_at)";

    /** One new row: its key and values, as the importer holds them. */
    record Row(String source, String externalId, long agentId, String channel, String category, Instant createdAt,
               Instant firstResponseAt, Instant resolvedAt, Integer rating, String comment) {
    }

    private volatile boolean disabled;
    private final Method setStream;
    private final Class<?> statementType;

    MySqlBulkInsert() {
        Method m = null;
        Class<?> type = null;
        try {
            type = Class.forName("com.mysql.cj.jdbc.JdbcStatement");
            m = type.getMethod("setLocalInfileInputStream", InputStream.class);
        } catch (ReflectiveOperationException e) {
            disabled = true;
        }
        this.setStream = m;
        this.statementType = type;
    }

    /**
     * Inserts the rows; returns false (having changed nothing) when LOAD DATA LOCAL is not available, so the caller
     * inserts them another way.
     *
     * @throws SQLException with SQLState 23000 when fewer rows were stored than sent (a key appeared meanwhile)
     */
    boolean insert(Connection c, List<Row> rows, long importId, LocalDateTime now) throws SQLException {
        if (disabled) {
            return false;
        }
        byte[] data = encode(rows, importId, now);
        if (data == null) {
            return false; // a year MySQL's datetime does not hold: let an INSERT report it
        }
        try (Statement s = c.createStatement()) {
            Object driverStatement = s.unwrap(statementType);
            setStream.invoke(driverStatement, new ByteArrayInputStream(data));
            long stored;
            try {
                stored = s.executeLargeUpdate(SQL);
            } catch (SQLException e) {
                setStream.invoke(driverStatement, (Object) null);
                if (isNotAllowed(e)) {
                    disabled = true;
                    LOG.info("LOAD DATA LOCAL is not available ({}); interactions are inserted with batched INSERT statements. "
                            + "Add allowLoadLocalInfile=true to JDBC_URL for faster imports.", e.getMessage());
                    return false;
                }
                throw e;
            }
            // the driver keeps the stream for the connection's later LOAD DATA statements unless it is reset
            setStream.invoke(driverStatement, (Object) null);
            if (stored != rows.size()) {
                throw new SQLException("stored " + stored + " of " + rows.size() + " new interactions", "23000");
            }
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            disabled = true;
            return false;
        }
    }

    private static boolean isNotAllowed(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("local data") || m.contains("local infile") || m.contains("load data local")
                || m.contains("not allowed") || e.getErrorCode() == 1148 || e.getErrorCode() == 3948;
    }

    /**
     * Tab-separated rows in LOAD DATA's default format: backslash escapes, \N for NULL. Null when a time lies
     * outside the years 1000-9999 (LOAD DATA LOCAL would store a warning's zero date instead of failing).
     */
    static byte[] encode(List<Row> rows, long importId, LocalDateTime now) {
        StringBuilder b = new StringBuilder(rows.size() * 160);
        String updated = datetime(now);
        for (Row r : rows) {
            if (outOfRange(r.createdAt()) || outOfRange(r.firstResponseAt()) || outOfRange(r.resolvedAt())) {
                return null;
            }
            text(b, r.source()).append('\t');
            text(b, r.externalId()).append('\t');
            b.append(r.agentId()).append('\t');
            text(b, r.channel()).append('\t');
            text(b, r.category()).append('\t');
            time(b, r.createdAt());
            time(b, r.firstResponseAt());
            time(b, r.resolvedAt());
            if (r.rating() == null) {
                b.append("\\N");
            } else {
                b.append(r.rating());
            }
            b.append('\t');
            if (r.comment() == null) {
                b.append("\\N");
            } else {
                text(b, r.comment());
            }
            b.append('\t').append(importId).append('\t').append(updated).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean outOfRange(Instant t) {
        if (t == null) {
            return false;
        }
        int year = StoredTimes.micros(t).getYear();
        return year < 1000 || year > 9999;
    }

    private static void time(StringBuilder b, Instant t) {
        if (t == null) {
            b.append("\\N\t0\t");
        } else {
            b.append(datetime(StoredTimes.micros(t))).append('\t').append(StoredTimes.extraNanos(t)).append('\t');
        }
    }

    private static String datetime(LocalDateTime t) {
        return StoredTimes.text(t);
    }

    private static StringBuilder text(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\0");
                default -> b.append(c);
            }
        }
        return b;
    }
}
