package com.servicecoach.report;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Until the assessments feature exists, there are no assessment results and no knowledge % to report. */
@Singleton
@Secondary
class NoAssessmentFacts implements AssessmentFacts {

    @Override
    public Optional<List<ModuleResult>> results(Collection<String> employeeNos, LocalDate from, LocalDate to) {
        return Optional.empty();
    }

    @Override
    public BigDecimal knowledgePercent(Collection<String> employeeNos, LocalDate from, LocalDate to) {
        return null;
    }
}
