package com.servicecoach.database;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Plain JDBC access for the bulk paths (imports, scorecards, lists): the pool's own DataSource, unwrapped
 * from Micronaut's transaction-aware proxy, so these paths manage their connections and transactions
 * themselves (stack.md: an injected DataSource outside a transaction has no current connection).
 * Read-only paths (scorecards, lists, reports) take {@link #readConnection()}: the optional read replica
 * while it reports no lag, else the primary.
 */
@Singleton
public class Database {

    private final DataSource raw;
    @Nullable
    private final ReadReplica replica;
    private volatile Boolean mysql;

    Database(DataSource dataSource, @Nullable ReadReplica replica) {
        this.raw = DelegatingDataSource.unwrapDataSource(dataSource);
        this.replica = replica;
    }

    /** A connection to the primary: for writes, and reads that must see the latest writes. */
    public Connection connection() throws SQLException {
        return raw.getConnection();
    }

    /**
     * A connection for reads that may be served from the read replica: the replica's while one is configured
     * and reports no replication lag (checked at most every few seconds), else, and on any error, the primary's.
     */
    public Connection readConnection() throws SQLException {
        if (replica != null && replica.usable()) {
            try {
                return replica.connection();
            } catch (SQLException e) {
                return raw.getConnection();
            }
        }
        return raw.getConnection();
    }

    /** Whether the database is MySQL/MariaDB (else H2). */
    public boolean isMySql() {
        Boolean m = mysql;
        if (m == null) {
            try (Connection c = raw.getConnection()) {
                m = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database", e);
            }
            mysql = m;
        }
        return m;
    }

    /** Makes a statement stream its rows instead of loading them all (MySQL needs a special fetch size). */
    public void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(isMySql() ? Integer.MIN_VALUE : 1000);
    }
}
