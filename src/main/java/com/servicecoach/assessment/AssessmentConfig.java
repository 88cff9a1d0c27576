package com.servicecoach.assessment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of assessments, from {@code servicecoach.assessment.*}.
 *
 * @param graceSeconds       answers and submissions are still taken this long after the deadline
 * @param expiringDays       certifications expiring within this many days are flagged
 * @param renewalDueDays     an expired certification's new assignment is due this many days later
 */
@ConfigurationProperties("servicecoach.assessment")
public record AssessmentConfig(
        @Bindable(defaultValue = "60") int graceSeconds,
        @Bindable(defaultValue = "30") int expiringDays,
        @Bindable(defaultValue = "30") int renewalDueDays) {
}
