package com.servicecoach.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.DetailsVisibility;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code /health} (and {@code /health/liveness}, {@code /health/readiness}) for everyone, with the details
 * (the database URL, disk space, ...) only for administrators. Micronaut's {@code details-visible:
 * AUTHENTICATED} would show them to any signed-in user, agents included, so the endpoint is replaced and
 * decides by role: anonymous callers and other roles get {@code {"status": "UP"}} (or DOWN) and the name.
 * {@code endpoints.health.details-visible: NEVER} still hides the details from everyone.
 */
@Endpoint(id = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class HealthForAdministrators extends HealthEndpoint {

    /** The role that sees the details. */
    static final String ROLE = "ADMIN";

    public HealthForAdministrators(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                   @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean admin = principal instanceof Authentication a && a.getRoles().contains(ROLE);
        return admin && getDetailsVisible() != DetailsVisibility.NEVER
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
