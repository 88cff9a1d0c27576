package com.servicecoach.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CertificationRepository extends CrudRepository<Certification, Long> {

    List<Certification> findByAgentIdAndModuleIdOrderByGrantedAt(Long agentId, Long moduleId);

    List<Certification> findByAgentIdInOrderByGrantedAt(Collection<Long> agentIds);

    List<Certification> findByExpiresAtIsNotNullAndRenewedAtIsNullOrderById();
}
