package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AssignmentRepository extends CrudRepository<Assignment, Long> {

    List<Assignment> findByCancelledAtIsNullOrderById();

    List<Assignment> findByCancelledAtIsNullAndAgentIdIn(Collection<Long> agentIds);

    List<Assignment> findByCancelledAtIsNullAndTeamIdIn(Collection<Long> teamIds);
}
