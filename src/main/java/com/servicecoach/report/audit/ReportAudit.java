package com.servicecoach.report.audit;

import com.servicecoach.account.Viewer;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit record: each view and export of a report, and each import into or removal from a module's question
 * bank; lists the record for administrators ({@code /admin/audit}).
 */
@Singleton
public class ReportAudit {

    public static final List<String> FORMATS = List.of("html", "json", "pdf", "csv", "xlsx", AuditEntry.GIFT);

    private final AuditRepository entries;
    private final Clock clock;

    ReportAudit(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(Viewer viewer, String action, String format, ReportPeriod period, @Nullable String team) {
        entries.save(new AuditEntry(null, viewer.username(), viewer.role().name(), action, format, period.from(), period.to(),
                team, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
    }

    /** Whether {@code username} recorded an export in this format of the period's all-teams report. */
    public boolean exportedForAllTeams(String username, String format, ReportPeriod period) {
        return entries.existsByUsernameAndActionAndFormatAndPeriodFromAndPeriodToAndTeamIsNull(username, AuditEntry.EXPORT, format,
                period.from(), period.to());
    }

    /**
     * An import into a module's question bank ({@link AuditEntry#IMPORT}: {@code questions} imported) or a removal
     * of imported questions ({@link AuditEntry#REMOVE}: {@code questions} removed, {@code retired} of them kept
     * retired for the attempts that drew them).
     */
    public void recordQuestionBank(Viewer viewer, String action, String module, @Nullable Long importId, int questions,
                                   @Nullable Integer retired) {
        entries.save(new AuditEntry(null, viewer.username(), viewer.role().name(), action, AuditEntry.GIFT, null, null, null,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), module, importId, questions, retired));
    }

    /** Newest first; {@code from}/{@code to} are UTC dates of the entry, inclusive. */
    public PageResponse<AuditEntry> list(@Nullable String user, @Nullable String format, @Nullable LocalDate from,
                                         @Nullable LocalDate to, int page, int size) {
        if (format != null && !format.isBlank() && !FORMATS.contains(format)) {
            throw new BadRequestException("format must be one of " + FORMATS);
        }
        LocalDateTime start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay();
        LocalDateTime end = (to == null ? LocalDate.of(9999, 12, 31) : to.plusDays(1)).atStartOfDay();
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("at"), Sort.Order.desc("id")));
        boolean byUser = user != null && !user.isBlank();
        boolean byFormat = format != null && !format.isBlank();
        Page<AuditEntry> result;
        if (byUser && byFormat) {
            result = entries.findByUsernameAndFormatAndAtBetween(user.trim(), format, start, end, pageable);
        } else if (byUser) {
            result = entries.findByUsernameAndAtBetween(user.trim(), start, end, pageable);
        } else if (byFormat) {
            result = entries.findByFormatAndAtBetween(format, start, end, pageable);
        } else {
            result = entries.findByAtBetween(start, end, pageable);
        }
        return new PageResponse<>(result.getContent(), page, size, result.getTotalSize());
    }
}
