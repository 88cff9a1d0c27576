package com.servicecoach.coaching;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** The coaching tables. */
final class CoachingRepositories {

    private CoachingRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Sessions extends CrudRepository<CoachingSession, Long> {
        List<CoachingSession> findByAgentId(long agentId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Actions extends CrudRepository<CoachingAction, Long> {
        List<CoachingAction> findBySessionIdInOrderByPosition(Collection<Long> sessionIds);
    }
}
