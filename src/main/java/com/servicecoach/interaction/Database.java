package com.servicecoach.interaction;

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
 */
@Singleton
public class Database {

    private final DataSource raw;
    private volatile Boolean mysql;

    Database(DataSource dataSource) {
        this.raw = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Connection connection() throws SQLException {
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
