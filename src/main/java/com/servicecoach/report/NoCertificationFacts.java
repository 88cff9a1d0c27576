package com.servicecoach.report;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Until the assessments feature records certifications, there is no certification data to report. */
@Singleton
@Secondary
class NoCertificationFacts implements CertificationFacts {

    @Override
    public Optional<Map<String, Counts>> onDay(Collection<String> employeeNos, LocalDate day) {
        return Optional.empty();
    }
}
