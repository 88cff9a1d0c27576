package com.servicecoach.report.building;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where the report's quality section comes from (the {@code quality} feature; the report only lays it out), so that
 * reports do not depend on quality reviews.
 */
public interface ReviewQualitySource {

    /** The section, and each agent's quality (by agent id) for the agents' rows. */
    record Read(PerformanceReport.Quality quality, Map<Long, PerformanceReport.QualityAgent> byAgent) {
    }

    /** The quality of these agents for the period, in total, per team ({@code teamOf}: agent id to team name) and per agent. */
    Read of(List<Long> agentIds, Map<Long, String> teamOf, LocalDate from, LocalDate to);
}
