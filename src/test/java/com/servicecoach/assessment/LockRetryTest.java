package com.servicecoach.assessment;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry around a transaction that lost to a lock: what counts as a lock failure, how often it tries. */
class LockRetryTest {

    static RuntimeException wrapped(SQLException e) {
        return new DataAccessException("Error executing SQL UPDATE", new RuntimeException("commit failed", e));
    }

    static final SQLException DEADLOCK = new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
    static final SQLException LOCK_WAIT = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
    static final SQLException H2_LOCK_TIMEOUT = new SQLException("Timeout trying to lock table", "HYT00", 50200);

    @Test
    void deadlocksAndLockWaitTimeoutsAreFoundThroughTheCauseChain() {
        assertTrue(LockRetry.isLockFailure(wrapped(DEADLOCK)));
        assertTrue(LockRetry.isLockFailure(wrapped(LOCK_WAIT)));
        assertTrue(LockRetry.isLockFailure(wrapped(H2_LOCK_TIMEOUT)));
        assertTrue(LockRetry.isLockFailure(wrapped(new SQLException("serialization failure", "40001", 0))));
        SQLException chained = new SQLException("batch failed", "HY000", 0);
        chained.setNextException(new SQLException("deadlock", "40001", 1213));
        assertTrue(LockRetry.isLockFailure(wrapped(chained)), "also through getNextException");

        assertFalse(LockRetry.isLockFailure(wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(LockRetry.isLockFailure(new IllegalStateException("no SQL at all")));
    }

    @Test
    void aTransactionThatLostToADeadlockRunsAgainAfterAShortPause() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> pauses = new ArrayList<>();
        String result = LockRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(calls.get() == 1 ? DEADLOCK : LOCK_WAIT);
            }
            return "saved";
        }, pauses::add);
        assertEquals("saved", result);
        assertEquals(3, calls.get());
        assertEquals(2, pauses.size());
        assertTrue(pauses.get(0) >= 10 && pauses.get(0) <= 40, "first pause " + pauses.get(0));
        assertTrue(pauses.get(1) >= 20 && pauses.get(1) <= 80, "second pause " + pauses.get(1));
    }

    @Test
    void afterThreeLostTriesItAnswers503AndOtherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        LockRetry.Busy busy = assertThrows(LockRetry.Busy.class, () -> LockRetry.run(() -> {
            calls.incrementAndGet();
            throw wrapped(DEADLOCK);
        }, ms -> { }));
        assertEquals(LockRetry.TRIES, calls.get());
        assertEquals(503, busy.status().getCode());

        AtomicInteger once = new AtomicInteger();
        RuntimeException duplicate = wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> LockRetry.run(() -> {
            once.incrementAndGet();
            throw duplicate;
        }, ms -> { }));
        assertSame(duplicate, thrown);
        assertEquals(1, once.get());
    }
}
