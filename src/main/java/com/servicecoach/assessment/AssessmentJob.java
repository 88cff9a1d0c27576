package com.servicecoach.assessment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits attempts whose time and grace period are over (every 30 seconds by default) and reviews
 * certifications (expiry warnings, renewals; hourly). Off when servicecoach.assessment.job is false;
 * tests call {@link AttemptService#closeExpired()} and {@link Certifications#review()} directly.
 */
@Singleton
@Requires(property = "servicecoach.assessment.job", value = "true", defaultValue = "true")
class AssessmentJob {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentJob.class);

    private final AttemptService attempts;
    private final Certifications certifications;

    AssessmentJob(AttemptService attempts, Certifications certifications) {
        this.attempts = attempts;
        this.certifications = certifications;
    }

    @Scheduled(initialDelay = "30s", fixedDelay = "${servicecoach.assessment.job-interval:30s}")
    void closeExpired() {
        try {
            int n = attempts.closeExpired();
            if (n > 0) {
                LOG.info("Assessments: {} attempts submitted at the end of their time", n);
            }
        } catch (RuntimeException e) {
            LOG.error("Submitting expired attempts failed", e);
        }
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "${servicecoach.assessment.certification-interval:1h}")
    void reviewCertifications() {
        try {
            int n = certifications.review();
            if (n > 0) {
                LOG.info("Certifications: {} flagged as expiring or renewed", n);
            }
        } catch (RuntimeException e) {
            LOG.error("Reviewing certifications failed", e);
        }
    }
}
