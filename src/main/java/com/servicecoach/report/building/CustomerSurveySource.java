package com.servicecoach.report.building;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where the report's customer survey section comes from (the {@code survey} feature; the report only lays it out),
 * so that reports do not depend on surveys.
 */
public interface CustomerSurveySource {

    /** The section, and each agent's survey (by agent id) for the agents' rows. */
    record Read(PerformanceReport.Survey survey, Map<Long, PerformanceReport.SurveyAgent> byAgent) {
    }

    /** The survey figures of these agents for the period, in total, per team ({@code teamOf}: agent id to team name) and per agent. */
    Read of(List<Long> agentIds, Map<Long, String> teamOf, LocalDate from, LocalDate to);
}
