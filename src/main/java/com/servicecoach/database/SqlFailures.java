package com.servicecoach.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a failed statement says about its transaction: whether the database gave it up because of a lock
 * (a deadlock's victim, SQLState 40001 or MySQL error 1213; a lock-wait timeout, MySQL error 1205 or H2 error
 * 50200). Such a transaction was rolled back entirely, so running it again is safe.
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    /** Whether a deadlock or lock-wait timeout lies anywhere in the exception's cause chain (or chained SQL exceptions). */
    public static boolean isLockFailure(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null && (s == sql || seen.add(s)); s = s.getNextException()) {
                    if (isLockFailure(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isLockFailure(SQLException s) {
        String state = s.getSQLState();
        int code = s.getErrorCode();
        return "40001".equals(state)                  // serialization failure: a deadlock's victim (MySQL, H2)
                || code == 1213                       // MySQL/MariaDB ER_LOCK_DEADLOCK
                || code == 1205                       // MySQL/MariaDB ER_LOCK_WAIT_TIMEOUT
                || (code == 50200 && "HYT00".equals(state)); // H2 LOCK_TIMEOUT_1
    }
}
