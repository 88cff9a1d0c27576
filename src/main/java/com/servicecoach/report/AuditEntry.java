package com.servicecoach.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One view or export of a report. {@code at} is UTC. */
@io.micronaut.serde.annotation.Serdeable
@MappedEntity("report_audit")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, String username, String role, String action, String format,
                         LocalDate periodFrom, LocalDate periodTo, @Nullable String team, LocalDateTime at) {

    public static final String VIEW = "view";
    public static final String EXPORT = "export";
}
