package com.servicecoach.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RubricScoreRepository extends CrudRepository<RubricScore, Long> {

    List<RubricScore> findByAttemptQuestionIdInOrderByAttemptQuestionIdAndPosition(Collection<Long> attemptQuestionIds);
}
