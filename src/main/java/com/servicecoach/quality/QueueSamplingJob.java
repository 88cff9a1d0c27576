package com.servicecoach.quality;

import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.jobs.JobLeaseStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Samples last week into the review queue for every team, hourly on one instance at a time ({@link JobLeaseStore}).
 * Sampling tops each agent's week up to the rules' counts, so a run after the week is full adds nothing, and
 * conversations imported late still get their chance.
 */
@Singleton
@Requires(property = "servicecoach.quality.sampling-job", notEquals = "false")
class QueueSamplingJob {

    private static final Logger LOG = LoggerFactory.getLogger(QueueSamplingJob.class);
    static final String JOB = "quality-sampling";

    private final QueueSampler sampler;
    private final TeamRepository teams;
    private final JobLeaseStore leases;
    private final Clock clock;

    QueueSamplingJob(QueueSampler sampler, TeamRepository teams, JobLeaseStore leases, Clock clock) {
        this.sampler = sampler;
        this.teams = teams;
        this.leases = leases;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${servicecoach.jobs.initial-delay:1m}", fixedDelay = "${servicecoach.quality.sampling-interval:1h}")
    void run() {
        try {
            leases.runExclusively(JOB, Duration.ofMinutes(30), () -> {
                List<Long> ids = teams.findAllOrderByName().stream().map(Team::id).toList();
                LocalDate lastWeek = LocalDate.ofInstant(clock.instant(), sampler.zone()).minusWeeks(1);
                QueueSampler.Result r = sampler.sample(ids, lastWeek, clock.millis());
                if (r.random() + r.targeted() > 0) {
                    LOG.info("Quality sampling of the week of {}: {} random and {} targeted conversations queued", r.week(), r.random(),
                            r.targeted());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The quality sampling job failed", e);
        }
    }
}
