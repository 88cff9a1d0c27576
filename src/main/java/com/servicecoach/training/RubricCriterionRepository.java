package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RubricCriterionRepository extends CrudRepository<RubricCriterionRow, Long> {

    List<RubricCriterionRow> findByModuleIdOrderByQuestionNameAndPosition(Long moduleId);

    void deleteByModuleId(Long moduleId);
}
