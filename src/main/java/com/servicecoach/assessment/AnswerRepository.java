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

    /**
     * Stores the answer to one question of an attempt, replacing the one saved before: one atomic statement
     * on the unique key (attempt, question). (An UPDATE and then an INSERT took gap locks on that key that
     * deadlocked other agents' inserts on MySQL.) H2 accepts the same statement in MySQL mode.
     */
    @Query("INSERT INTO assessment_answer (attempt_id, question_id, response, saved_at) VALUES (:attemptId, :questionId, :response, :at) "
            + "ON DUPLICATE KEY UPDATE response = :response, saved_at = :at")
    void upsert(long attemptId, long questionId, String response, LocalDateTime at);

    @Query("DELETE FROM assessment_answer WHERE attempt_id = :attemptId AND question_id = :questionId")
    int remove(long attemptId, long questionId);
}
