package com.servicecoach.report.building;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the performance report needs to know of certifications: for each agent, how many of their
 * certifications are valid, valid but expiring within {@value #EXPIRING_DAYS} days, or expired, on a given day.
 * The assessments feature implements it (an interface here, so reports do not depend on assessments).
 */
public interface CertificationFacts {

    /** A certification counts as expiring when it ends within this many days after the day asked about. */
    int EXPIRING_DAYS = 30;

    /**
     * One agent's certifications on a day, one per module (the latest certification of each module counts).
     *
     * @param valid    still valid on the day and for more than {@value #EXPIRING_DAYS} days after it
     * @param expiring still valid on the day but ending within {@value #EXPIRING_DAYS} days after it
     * @param expired  ended on or before the day (and not renewed)
     */
    record Counts(int valid, int expiring, int expired) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(valid + other.valid, expiring + other.expiring, expired + other.expired);
        }
    }

    /**
     * The certifications of these agents (employee numbers) on {@code day}; an agent without any may be left
     * out of the map. Empty when certifications are not recorded at all (the report then says so).
     */
    Optional<Map<String, Counts>> onDay(Collection<String> employeeNos, LocalDate day);
}
