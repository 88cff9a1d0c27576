package com.servicecoach.impact;

import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.TrainingImpactSource;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HR report's training impact section: every active module's estimates for completions in the report's period. */
@Singleton
class ReportImpact implements TrainingImpactSource {

    private final ImpactService impact;
    private final TrainingModuleRepository modules;

    ReportImpact(ImpactService impact, TrainingModuleRepository modules) {
        this.impact = impact;
        this.modules = modules;
    }

    @Override
    public List<PerformanceReport.ImpactRow> rows(LocalDate from, LocalDate to) {
        List<TrainingModule> chosen = modules.findByActiveOrderByCode(true).stream().filter(m -> !m.addressedList().isEmpty()).toList();
        Map<String, TrainingModule> byCode = new HashMap<>();
        chosen.forEach(m -> byCode.put(m.code(), m));
        List<PerformanceReport.ImpactRow> out = new ArrayList<>();
        for (ImpactService.ImpactView v : impact.analyse(chosen, from, to, Locale.ENGLISH, agent -> false).modules()) {
            TrainingModule m = byCode.get(v.module());
            out.add(new PerformanceReport.ImpactRow(v.module(), m.title().in(Locale.ENGLISH), m.title().in(Locale.SIMPLIFIED_CHINESE),
                    v.figure(), v.channel(), v.category(), v.enoughData(), v.effect(), v.low(), v.high(), v.trained(), v.controls(),
                    v.verdict()));
        }
        return out;
    }
}
