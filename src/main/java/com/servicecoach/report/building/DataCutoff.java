package com.servicecoach.report.building;

import com.servicecoach.interaction.InteractionStore;
import com.servicecoach.interaction.Rollups;
import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's data cut-off: the latest change to any data it includes, so that it stays the same while the
 * data does (and the same data gives the same report, byte for byte):
 * <ul>
 *   <li>the interactions of both periods (each keeps in {@code updated_at} when the import that last changed
 *   it ran; the stored days keep the latest of their interactions, read instead when they are current);</li>
 *   <li>the assessment results, module completions, assignments and certifications of the report's agents
 *   up to the end of the period;</li>
 *   <li>their coaching: the sessions held up to the end of the period (when recorded) and the actions done before it ends;</li>
 *   <li>the scoring settings and the flagging thresholds the report was computed with.</li>
 * </ul>
 */
@Singleton
class DataCutoff {

    private final ReportStore reports;
    private final InteractionStore interactions;
    private final Rollups rollups;

    DataCutoff(ReportStore reports, InteractionStore interactions, Rollups rollups) {
        this.reports = reports;
        this.interactions = interactions;
        this.rollups = rollups;
    }

    /**
     * The latest change among the data of these agents (null: every agent) for a report whose periods
     * together cover {@code from}..{@code to} (dates in the organization's zone); null when there is none.
     */
    @Nullable
    Instant of(@Nullable List<Long> agentIds, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        ZoneId zone = current.settings().orgZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        boolean storedDays = rollups.current(current);
        List<LocalDateTime> candidates = new ArrayList<>(reports.latestChanges(agentIds, start, end, !storedDays));
        candidates.addAll(reports.latestCoaching(agentIds, to, end));
        if (storedDays) {
            candidates.add(interactions.latestChange(agentIds, from, to));
        }
        LocalDateTime latest = null;
        for (LocalDateTime t : candidates) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest == null ? null : latest.toInstant(ZoneOffset.UTC);
    }
}
