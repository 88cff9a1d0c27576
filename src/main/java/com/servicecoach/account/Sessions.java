package com.servicecoach.account;

import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * Opens, checks and ends sign-in sessions. Every authenticated request comes through {@link #current}:
 * the token's session must still be open, and the user's role and enabled state are read as they are
 * now, never as the token remembers them.
 */
@Singleton
public class Sessions {

    /** What a request may act as: the user as stored now, and the session it came in on. */
    record Current(User user, UserSession session) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    static final String PURGE_JOB = "session-purge";

    private final UserSessionRepository sessions;
    private final UserRepository users;
    private final SecuritySettings settings;
    private final Clock clock;
    private final JobLeaseStore leases;
    private final Duration purgeInterval;

    Sessions(UserSessionRepository sessions, UserRepository users, SecuritySettings settings, Clock clock, JobLeaseStore leases,
             @Value("${servicecoach.security.purge-interval:1h}") Duration purgeInterval) {
        this.sessions = sessions;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
        this.leases = leases;
        this.purgeInterval = purgeInterval;
    }

    @Transactional
    UserSession open(User user, String kind, long authTimeEpochSeconds) {
        LocalDateTime started = utc(Instant.ofEpochSecond(authTimeEpochSeconds));
        return sessions.save(new UserSession(randomId(), user.id(), kind, randomId(), started,
                started.plusHours(settings.absoluteHours()), null));
    }

    /**
     * The open session {@code sid} of an enabled user named {@code username}, or empty. How long it lasts is
     * the token's own signed expiry (30 idle minutes for a browser, 12 hours at most); the session adds
     * what a token cannot say: that it was ended.
     */
    Optional<Current> current(String sid, String username) {
        if (sid == null || username == null) {
            return Optional.empty();
        }
        return sessions.findOpen(sid)
                .flatMap(s -> users.findById(s.userId())
                        .filter(u -> u.enabled() && u.username().equals(username))
                        .map(u -> new Current(u, s)));
    }

    @Transactional
    public void end(String sid) {
        if (sid != null) {
            sessions.end(sid, now());
        }
    }

    /** Ends every session and token of the user at once. */
    @Transactional
    public void endAllOf(long userId) {
        sessions.endAllOf(userId, now());
    }

    public long openSessions(long userId) {
        return sessions.countOpen(userId, now());
    }

    /** Purges old sessions hourly, once across instances ({@link JobLeaseStore}). */
    @Scheduled(fixedDelay = "${servicecoach.security.purge-interval:1h}", initialDelay = "${servicecoach.jobs.initial-delay:5m}")
    void purgeJob() {
        try {
            leases.runExclusively(PURGE_JOB, purgeInterval, this::purgeExpired);
        } catch (RuntimeException e) {
            LOG.error("Purging expired sessions failed", e);
        }
    }

    /** Sessions past their absolute end are of no further use; a day's margin keeps recent ones for support. */
    @Transactional
    void purgeExpired() {
        sessions.deleteExpiredBefore(now().minusDays(1));
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
