package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingLessonRepository extends CrudRepository<TrainingLesson, Long> {

    List<TrainingLesson> findByModuleIdOrderByPosition(Long moduleId);

    List<TrainingLesson> findAllOrderByModuleIdAndPosition();
}
