package com.servicecoach.scorecard;

import com.servicecoach.scoring.KnowledgeSource;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Knowledge % while no assessments exist: always absent (null), never 0. Any other {@link KnowledgeSource}
 * bean (the assessments feature's) takes precedence over this one.
 */
@Singleton
@Secondary
class NoKnowledgeSource implements KnowledgeSource {

    @Override
    public BigDecimal agentPercent(String employeeNo, LocalDate from, LocalDate to) {
        return null;
    }

    @Override
    public BigDecimal teamPercent(String team, LocalDate from, LocalDate to) {
        return null;
    }
}
