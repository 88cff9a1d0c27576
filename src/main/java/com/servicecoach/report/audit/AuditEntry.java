package com.servicecoach.report.audit;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One entry of the audit record. {@code at} is UTC. A view or export of a report has its format, period and team;
 * an import into a module's question bank ({@link #IMPORT}) or a removal of imported questions ({@link #REMOVE})
 * has format {@link #GIFT}, no period, and its module, import, number of questions and, for removals, how many of
 * them were retired (kept for the attempts that drew them) rather than deleted.
 */
@io.micronaut.serde.annotation.Serdeable
@MappedEntity("report_audit")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, String username, String role, String action, String format,
                         @Nullable LocalDate periodFrom, @Nullable LocalDate periodTo, @Nullable String team, LocalDateTime at,
                         @Nullable String module, @Nullable Long importId, @Nullable Integer questions,
                         @Nullable Integer retired) {

    public static final String VIEW = "view";
    public static final String EXPORT = "export";
    public static final String IMPORT = "import";
    public static final String REMOVE = "remove";
    public static final String GIFT = "gift";

    @Creator
    public AuditEntry {
    }

    /** A view or export of a report. */
    public AuditEntry(@Nullable Long id, String username, String role, String action, String format, LocalDate periodFrom,
                      LocalDate periodTo, @Nullable String team, LocalDateTime at) {
        this(id, username, role, action, format, periodFrom, periodTo, team, at, null, null, null, null);
    }
}
