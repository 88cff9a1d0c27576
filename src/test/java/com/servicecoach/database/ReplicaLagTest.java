package com.servicecoach.database;

import com.servicecoach.support.TestClock;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When reads may go to the replica: only while it reports 0 seconds behind, asked at most every few seconds. */
class ReplicaLagTest {

    final TestClock clock = new TestClock();
    final AtomicInteger asked = new AtomicInteger();
    Object answer = 0L;

    final ReplicaLag lag = new ReplicaLag(() -> {
        asked.incrementAndGet();
        if (answer instanceof Exception e) {
            throw e;
        }
        return (Long) answer;
    }, clock, Duration.ofSeconds(5));

    @Test
    void aReplicaThatReportsNoLagIsUsed() {
        assertTrue(lag.usable());
    }

    @Test
    void aLaggingStoppedOrUnreachableReplicaIsNot() {
        for (Object a : new Object[]{1L, 3600L, null, new SQLException("Access denied; you need the REPLICATION CLIENT privilege"),
                new IllegalStateException("pool closed")}) {
            answer = a;
            assertFalse(lag.usable(), String.valueOf(a));
            clock.advance(Duration.ofSeconds(5));
        }
        answer = 0L;
        assertTrue(lag.usable(), "used again once it has caught up");
    }

    @Test
    void theAnswerIsKeptForTheCheckIntervalThenAskedAgain() {
        assertTrue(lag.usable());
        answer = 7L;
        clock.advance(Duration.ofMillis(4999));
        assertTrue(lag.usable(), "within 5 s the last answer stands");
        assertEquals(1, asked.get());
        clock.advance(Duration.ofMillis(1));
        assertFalse(lag.usable(), "after 5 s the replica is asked again");
        assertEquals(2, asked.get());
        answer = 0L;
        assertFalse(lag.usable(), "a lag is also kept for 5 s");
        assertEquals(2, asked.get());
    }
}
