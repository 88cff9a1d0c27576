package com.servicecoach.jobs;

import com.servicecoach.support.TestClock;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lease that lets one instance at a time run a job, on the test database (H2, or MySQL with -Pmysql). */
@MicronautTest(transactional = false)
class JobLeaseStoreTest {

    @Inject
    DataSource dataSource;

    DataSource raw;
    final TestClock clock = new TestClock();
    final AtomicInteger ran = new AtomicInteger();

    @BeforeEach
    void noLeases() throws Exception {
        raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from job_lease");
        }
    }

    JobLeaseStore instance(String name) {
        return new JobLeaseStore(raw, clock, name);
    }

    @Test
    void aJobWhoseLeaseAnotherInstanceHoldsIsSkippedUntilTheLeaseEnds() {
        JobLeaseStore a = instance("a");
        JobLeaseStore b = instance("b");
        assertTrue(a.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet), "the first take inserts the row");
        assertFalse(b.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet), "a live lease of another instance");
        clock.advance(Duration.ofSeconds(59));
        assertFalse(b.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet), "kept after the run, to its end");
        clock.advance(Duration.ofSeconds(2));
        // leases are stored as ending on the next whole second (MariaDB keeps whole seconds): ended a second later at most
        assertTrue(b.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet), "an ended lease is taken over");
        assertFalse(a.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet));
        assertEquals(2, ran.get());
        assertEquals(1, a.runs("job"));
        assertEquals(1, a.skips("job"));
        assertEquals(1, b.runs("job"));
        assertTrue(instance("c").runExclusively("other-job", Duration.ofMinutes(1), ran::incrementAndGet), "leases are per job");
    }

    @Test
    void theHolderMayRunAgainWithinItsOwnLease() {
        JobLeaseStore a = instance("a");
        assertTrue(a.runExclusively("job", Duration.ofHours(1), ran::incrementAndGet));
        assertTrue(a.runExclusively("job", Duration.ofHours(1), ran::incrementAndGet));
        assertEquals(2, ran.get());
    }

    @Test
    void theRowRecordsHolderStartAndFinish() throws Exception {
        JobLeaseStore a = instance("host/a");
        assertThrows(IllegalStateException.class, () -> a.runExclusively("failing", Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("boom");
        }), "the work's failure is passed on");
        a.runExclusively("job", Duration.ofMinutes(1), ran::incrementAndGet);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, holder, leased_until, last_started, last_finished from job_lease order by name")) {
            for (String name : List.of("failing", "job")) {
                assertTrue(rs.next());
                assertEquals(name, rs.getString(1));
                assertEquals("host/a", rs.getString(2));
                assertNotNull(rs.getObject(4));
                assertNotNull(rs.getObject(5), "the finish is recorded, also of a failed run");
                assertTrue(rs.getTimestamp(3).after(rs.getTimestamp(4)));
            }
        }
    }

    @Test
    void ofManyInstancesRacingForAJobExactlyOneRunsIt() throws Exception {
        for (int round = 0; round < 2; round++) { // round 0 races on the INSERT, round 1 on the UPDATE of an ended lease
            int n = 8;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            int r = round;
            for (int i = 0; i < n; i++) {
                JobLeaseStore leases = instance("racer-" + r + "-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return leases.runExclusively("raced", Duration.ofMinutes(1), ran::incrementAndGet);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, winners, "round " + round);
            clock.advance(Duration.ofMinutes(2));
        }
        assertEquals(2, ran.get());
    }
}
