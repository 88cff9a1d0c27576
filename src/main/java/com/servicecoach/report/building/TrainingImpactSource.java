package com.servicecoach.report.building;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the report's training impact section comes from (the {@code impact} feature, which reads training and
 * interactions; the report only lists its rows).
 */
public interface TrainingImpactSource {

    /** Every active module's estimates, per figure it addresses, for completions in from..to. */
    List<PerformanceReport.ImpactRow> rows(LocalDate from, LocalDate to);
}
