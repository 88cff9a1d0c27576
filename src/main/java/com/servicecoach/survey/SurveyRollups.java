package com.servicecoach.survey;

import com.servicecoach.settings.ScoringSettingsService;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Whether the stored survey days ({@code survey_day}) can be read: they are when they were counted in the
 * organization's zone and are complete, once the days of contacts changed since are counted again. Otherwise they
 * are built: at once while the survey tables are small, else in the background (one instance claims the build and
 * renews its claim as it goes; a claim not renewed for half an hour is taken as abandoned) while figures are
 * counted from the tables themselves.
 */
@Singleton
class SurveyRollups {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyRollups.class);
    /** Up to this many surveys the days are built within the request that finds them missing. */
    static final long BUILD_AT_ONCE = 50_000;
    /** A build that has not finished after this long is taken as abandoned (its instance stopped). */
    static final Duration ABANDONED = Duration.ofMinutes(30);

    private final SurveyStore store;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "survey-rollups");
        t.setDaemon(true);
        return t;
    });

    SurveyRollups(SurveyStore store, ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** True when the stored days are current (and brought up to date now); false: count from the survey tables. */
    boolean current() {
        ZoneId zone = settings.current().settings().orgZone();
        Instant now = clock.instant();
        SurveyStore.RollupState st = store.rollupState().orElse(null);
        if (st != null && st.zone().equals(zone.getId()) && "current".equals(st.status())) {
            int cleared;
            do {
                cleared = store.refreshStale(zone);
            } while (cleared >= SurveyStore.STALE_BATCH);
            return cleared != SurveyStore.NOT_CURRENT;
        }
        if (st != null && "building".equals(st.status()) && st.changedAt().isAfter(now.minus(ABANDONED))) {
            return false;
        }
        if (store.count() <= BUILD_AT_ONCE) {
            if (!store.claimBuild(zone.getId(), now, now.minus(ABANDONED))) {
                return false;
            }
            return store.rebuild(zone, now, clock::instant);
        }
        if (store.claimBuild(zone.getId(), now, now.minus(ABANDONED))) {
            background.submit(() -> {
                long start = System.nanoTime();
                try {
                    boolean done = store.rebuild(zone, now, clock::instant);
                    LOG.info("Survey rollups {} for {} in {} s", done ? "built" : "not built (another build took over)", zone,
                            (System.nanoTime() - start) / 1_000_000_000);
                } catch (RuntimeException e) {
                    LOG.error("Survey rollups could not be built; figures are counted from the survey tables", e);
                }
            });
        }
        return false;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
