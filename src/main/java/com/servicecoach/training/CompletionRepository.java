package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CompletionRepository extends CrudRepository<Completion, Long> {

    List<Completion> findByAgentIdAndModuleIdOrderByCompletedAt(Long agentId, Long moduleId);

    List<Completion> findByAgentIdInOrderByCompletedAt(Collection<Long> agentIds);

    List<Completion> findByModuleIdIn(Collection<Long> moduleIds);

    boolean existsByAgentIdAndModuleIdAndPassedAt(Long agentId, Long moduleId, LocalDateTime passedAt);
}
