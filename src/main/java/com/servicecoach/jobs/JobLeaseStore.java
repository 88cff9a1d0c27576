package com.servicecoach.jobs;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each scheduled job once across all instances on one database. Before a run the instance takes the
 * job's lease (a row of {@code job_lease}) with one conditional statement: an UPDATE that succeeds only
 * when the lease has ended or is already this instance's, or, for a job never run before, the INSERT of
 * its row (the primary key lets only one instance in). The lease is kept after the run: it ends
 * {@code lease} after the start, so the other instances leave the job alone for that long, and take it
 * over when the holder has stopped. Choose {@code lease} about the job's interval (runs then start at
 * least that far apart across instances) and longer than a run lasts.
 *
 * <p>Times are the instances' own UTC clocks (keep them in step, e.g. NTP); a few seconds of skew only
 * shift when another instance may take over.
 */
@Singleton
public class JobLeaseStore {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeaseStore.class);

    private final DataSource raw;
    private final Clock clock;
    private final String instance;
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> skips = new ConcurrentHashMap<>();

    @Inject
    JobLeaseStore(DataSource dataSource) {
        this(DelegatingDataSource.unwrapDataSource(dataSource), Clock.systemUTC(), host() + "/" + UUID.randomUUID());
    }

    JobLeaseStore(DataSource raw, Clock clock, String instance) {
        this.raw = raw;
        this.clock = clock;
        this.instance = instance.length() > 64 ? instance.substring(instance.length() - 64) : instance;
    }

    /** This instance's name in {@code job_lease.holder}: host and a random id per start. */
    public String instance() {
        return instance;
    }

    /**
     * Runs {@code work} if this instance can take the lease of {@code job} for {@code lease}; answers whether it
     * ran. A job whose lease another instance holds, or whose lease cannot be read (database unreachable), is
     * skipped. An exception from {@code work} is passed on after the finish is recorded.
     */
    public boolean runExclusively(String job, Duration lease, Runnable work) {
        Instant now = clock.instant();
        boolean taken;
        try {
            taken = take(job, now, now.plus(lease));
        } catch (SQLException e) {
            LOG.warn("Job {} skipped: its lease could not be taken ({})", job, e.getMessage());
            taken = false;
        }
        if (!taken) {
            skips.computeIfAbsent(job, k -> new AtomicLong()).incrementAndGet();
            return false;
        }
        runs.computeIfAbsent(job, k -> new AtomicLong()).incrementAndGet();
        try {
            work.run();
        } finally {
            try {
                finished(job);
            } catch (SQLException e) {
                LOG.warn("Job {}: its finish could not be recorded ({})", job, e.getMessage());
            }
        }
        return true;
    }

    /** How many times this instance ran / skipped {@code job} since it started. */
    public long runs(String job) {
        AtomicLong n = runs.get(job);
        return n == null ? 0 : n.get();
    }

    public long skips(String job) {
        AtomicLong n = skips.get(job);
        return n == null ? 0 : n.get();
    }

    boolean take(String job, Instant now, Instant until) throws SQLException {
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "update job_lease set holder = ?, leased_until = ?, last_started = ? "
                            + "where name = ? and (leased_until <= ? or holder = ?)")) {
                ps.setString(1, instance);
                ps.setObject(2, secondAfter(until));
                ps.setObject(3, utc(now));
                ps.setString(4, job);
                ps.setObject(5, secondOf(now));
                ps.setString(6, instance);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into job_lease (name, holder, leased_until, last_started) values (?, ?, ?, ?)")) {
                ps.setString(1, job);
                ps.setString(2, instance);
                ps.setObject(3, secondAfter(until));
                ps.setObject(4, utc(now));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // the row exists: another instance holds the lease (or inserted it just now)
                }
                throw e;
            }
        }
    }

    private void finished(String job) throws SQLException {
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("update job_lease set last_finished = ? where name = ? and holder = ?")) {
                ps.setObject(1, utc(clock.instant()));
                ps.setString(2, job);
                ps.setString(3, instance);
                ps.executeUpdate();
            }
        }
    }

    /** Stored as UTC wall-clock time (datetime columns), independent of the JVM's zone. */
    /**
     * MariaDB's driver keeps whole seconds: a lease is stored as ending at the next whole second and compared
     * with the current whole second, so it never ends early (at worst a second late).
     */
    private static LocalDateTime secondAfter(Instant t) {
        Instant whole = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return utc(whole.equals(t) ? whole : whole.plusSeconds(1));
    }

    private static LocalDateTime secondOf(Instant t) {
        return utc(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "instance";
        }
    }
}
