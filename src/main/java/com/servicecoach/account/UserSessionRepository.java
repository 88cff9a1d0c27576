package com.servicecoach.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UserSessionRepository extends CrudRepository<UserSession, String> {

    /** The session while it has not been ended (how long a token lives is its own signed expiry). */
    @Query("SELECT * FROM user_session WHERE id = :id AND ended_at IS NULL")
    Optional<UserSession> findOpen(String id);

    @Query("UPDATE user_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
    int end(String id, LocalDateTime now);

    @Query("UPDATE user_session SET ended_at = :now WHERE user_id = :userId AND ended_at IS NULL")
    int endAllOf(long userId, LocalDateTime now);

    @Query("SELECT COUNT(*) FROM user_session WHERE user_id = :userId AND ended_at IS NULL AND expires_at > :now")
    long countOpen(long userId, LocalDateTime now);

    @Query("DELETE FROM user_session WHERE expires_at < :before")
    int deleteExpiredBefore(LocalDateTime before);
}
