package com.servicecoach.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationRepository extends CrudRepository<Notification, Long> {

    boolean existsByUsernameAndDedupeKey(String username, String dedupeKey);

    List<Notification> findByUsernameOrderByIdDesc(String username);

    Optional<Notification> findByIdAndUsername(Long id, String username);

    long countByUsernameAndReadAtIsNull(String username);

    @Query("UPDATE notification SET read_at = :readAt WHERE username = :username AND read_at IS NULL")
    long markAllRead(String username, LocalDateTime readAt);
}
