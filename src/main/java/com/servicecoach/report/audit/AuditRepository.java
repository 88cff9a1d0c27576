package com.servicecoach.report.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    /** Whether {@code username} recorded this action and format for the period, for all teams. */
    boolean existsByUsernameAndActionAndFormatAndPeriodFromAndPeriodToAndTeamIsNull(String username, String action, String format,
                                                                                    java.time.LocalDate periodFrom,
                                                                                    java.time.LocalDate periodTo);

    Page<AuditEntry> findByAtBetween(LocalDateTime from, LocalDateTime to, Pageable pageable);

    Page<AuditEntry> findByUsernameAndAtBetween(String username, LocalDateTime from, LocalDateTime to, Pageable pageable);

    Page<AuditEntry> findByFormatAndAtBetween(String format, LocalDateTime from, LocalDateTime to, Pageable pageable);

    Page<AuditEntry> findByUsernameAndFormatAndAtBetween(String username, String format, LocalDateTime from, LocalDateTime to, Pageable pageable);
}
