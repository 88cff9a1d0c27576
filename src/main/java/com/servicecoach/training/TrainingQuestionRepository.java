package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingQuestionRepository extends CrudRepository<TrainingQuestion, Long> {

    List<TrainingQuestion> findByModuleIdOrderById(Long moduleId);

    List<TrainingQuestion> findByModuleIdAndActiveOrderById(Long moduleId, boolean active);

    List<TrainingQuestion> findByModuleIdAndSource(Long moduleId, String source);

    long countByModuleIdAndActive(Long moduleId, boolean active);
}
