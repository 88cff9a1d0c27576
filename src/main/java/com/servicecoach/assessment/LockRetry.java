package com.servicecoach.assessment;

import com.servicecoach.database.SqlFailures;
import com.servicecoach.web.StatusException;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when the database gave it up because of a lock: chosen as a deadlock's
 * victim (SQLState 40001, MySQL error 1213) or tired of waiting for a lock (MySQL error 1205, H2 error
 * 50200). Such a transaction was rolled back entirely, so running it again is safe. A few tries with short,
 * jittered pauses; when every try fails the caller hears 503 (try again), never 500.
 *
 * <p>Call it outside any transaction, around the method that opens one.
 */
final class LockRetry {

    static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

    /** Waits before the next try; tests replace it. */
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    static final Pause SLEEP = Thread::sleep;

    private LockRetry() {
    }

    static void run(Runnable transaction) {
        run(() -> {
            transaction.run();
            return null;
        }, SLEEP);
    }

    static <T> T run(Supplier<T> transaction) {
        return run(transaction, SLEEP);
    }

    static <T> T run(Supplier<T> transaction, Pause pause) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isLockFailure(e)) {
                    throw e;
                }
                if (attempt >= TRIES) {
                    LOG.warn("Transaction lost to a lock {} times, giving up: {}", attempt, e.toString());
                    throw new Busy(e);
                }
                LOG.info("Transaction lost to a lock (try {} of {}), running it again: {}", attempt, TRIES, e.toString());
                try {
                    // 10-40 ms, then 20-80 ms: long enough for the winner to commit, short for the agent
                    pause.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 40L * attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Busy(e);
                }
            }
        }
    }

    /** Whether a deadlock or lock-wait timeout lies anywhere in the exception's cause chain. */
    static boolean isLockFailure(Throwable e) {
        return SqlFailures.isLockFailure(e);
    }

    /** Every try lost to a lock: the database is too busy right now (503). */
    static final class Busy extends StatusException {
        Busy(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "The database is busy: please try again in a moment");
            initCause(cause);
        }
    }
}
