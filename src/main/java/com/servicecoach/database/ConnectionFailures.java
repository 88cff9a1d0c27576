package com.servicecoach.database;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which failures mean that the database cannot be reached: the pool's "no connection"
 * ({@link SQLTransientConnectionException}), a lost or broken connection ({@link SQLNonTransientConnectionException},
 * {@link SQLRecoverableException}, SQL state class 08, MySQL Connector/J's communications exceptions; H2's "connection
 * is broken" and "database is closed" are non-transient connection exceptions too; Hikari's "connection is closed"
 * once it dropped a broken connection) or a refused TCP connection, anywhere in the chain of causes or their
 * suppressed exceptions.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static boolean isLostConnection(Throwable failure) {
        return isLost(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isLost(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isLost(suppressed, seen)) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("com.mysql.cj.jdbc.exceptions.CommunicationsException")
                    || name.equals("com.mysql.cj.exceptions.CJCommunicationsException")) {
                return true;
            }
            if (t instanceof SQLException && closedByThePool(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's "Connection is closed" (no SQL state): the pool dropped the connection after it broke, and the
     * framework's clean-up then touched it, which replaces the original failure (a connection lost mid-request).
     */
    private static boolean closedByThePool(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
    }

    /**
     * Tells Hikari to drop a connection that failed with a lost connection, whatever the driver's SQL state: Hikari
     * drops connections on SQL state class 08 by itself, but H2 reports a broken connection as 90067 or 90121, and a
     * pooled connection that keeps failing would be handed out again and again after the database is back.
     */
    public static final class EvictLostConnections implements SQLExceptionOverride {

        public EvictLostConnections() {
        }

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return isLostConnection(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}
