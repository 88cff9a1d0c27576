package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LessonReadRepository extends CrudRepository<LessonRead, Long> {

    List<LessonRead> findByAgentIdAndModuleId(Long agentId, Long moduleId);

    List<LessonRead> findByAgentIdIn(Collection<Long> agentIds);

    boolean existsByAgentIdAndModuleIdAndLessonSlug(Long agentId, Long moduleId, String lessonSlug);
}
