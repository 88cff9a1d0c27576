package com.servicecoach.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;

/**
 * The connection pool as the application uses it: a request waits for a free connection as long as the pool's
 * {@code connection-timeout} (30 s, so that bursts queue), but only while every connection is in use. When the pool
 * has room for another connection and still cannot hand one out within {@code unavailableAfter} (a few seconds), the
 * pool cannot open connections: the database is down or unreachable, and waiting longer helps nobody. Then this
 * answers at once with an {@link SQLTransientConnectionException} (SQL state 08001), which the web layer turns into
 * 503 with Retry-After. Once a connection could not be had, later requests try for a shorter time until one succeeds
 * again, so an outage costs each request well under a second.
 *
 * <p>Hikari alone cannot tell the two apart: its {@code connection-timeout} bounds the wait for a busy pool and for a
 * dead database alike. The JDBC driver's own {@code connectTimeout} and {@code socketTimeout} (application.yml)
 * bound each connection attempt and each read, and Hikari's {@code validation-timeout} the check of an idle
 * connection, so no single step hangs either.
 */
final class FailFastDataSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(FailFastDataSource.class);
    /** How long a request tries while the database is known to be unreachable. */
    static final long PROBE_MILLIS = 500;

    private final HikariDataSource pool;
    private final long unavailableAfterMillis;
    private volatile boolean unreachable;

    FailFastDataSource(HikariDataSource pool, long unavailableAfterMillis) {
        this.pool = pool;
        this.unavailableAfterMillis = Math.max(250, unavailableAfterMillis);
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariPool hikari = (HikariPool) pool.getHikariPoolMXBean();
        if (hikari == null) {
            return pool.getConnection();
        }
        long started = System.nanoTime();
        long limit = pool.getConnectionTimeout();
        long slice = Math.min(limit, unreachable ? PROBE_MILLIS : unavailableAfterMillis);
        while (true) {
            try {
                Connection c = hikari.getConnection(slice);
                if (unreachable) {
                    unreachable = false;
                    LOG.info("The database can be reached again");
                }
                return c;
            } catch (SQLTransientConnectionException timedOut) {
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (hikari.getTotalConnections() < pool.getMaximumPoolSize()) {
                    if (!unreachable) {
                        unreachable = true;
                        LOG.warn("The database cannot be reached: no connection could be opened within {} ms ({})", waited,
                                timedOut.getCause() == null ? timedOut.getMessage() : timedOut.getCause().toString());
                    }
                    throw new SQLTransientConnectionException("The database is unavailable: no connection could be opened within "
                            + waited + " ms", "08001", timedOut);
                }
                long left = limit - waited;
                if (left <= 0) {
                    throw timedOut;
                }
                slice = Math.min(left, unavailableAfterMillis);
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "FailFastDataSource(" + pool + ")";
    }
}
