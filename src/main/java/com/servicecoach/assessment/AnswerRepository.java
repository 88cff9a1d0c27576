package com.servicecoach.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AnswerRepository extends CrudRepository<Answer, Long> {

    List<Answer> findByAttemptId(Long attemptId);

    List<Answer> findByAttemptIdIn(Collection<Long> attemptIds);

    long countByAttemptId(Long attemptId);

    @Query("UPDATE assessment_answer SET response = :response, saved_at = :at WHERE attempt_id = :attemptId AND question_id = :questionId")
    int replace(long attemptId, long questionId, String response, LocalDateTime at);

    @Query("DELETE FROM assessment_answer WHERE attempt_id = :attemptId AND question_id = :questionId")
    int remove(long attemptId, long questionId);
}
