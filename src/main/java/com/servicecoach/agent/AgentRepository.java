package com.servicecoach.agent;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AgentRepository extends CrudRepository<Agent, Long> {

    Optional<Agent> findByEmployeeNo(String employeeNo);

    boolean existsByEmployeeNo(String employeeNo);

    Optional<Agent> findByHelpdeskId(String helpdeskId);

    /** Agents whose helpdesk user id equals this one ignoring case (the uniqueness check and the matcher). */
    List<Agent> findByHelpdeskIdEqualsIgnoreCase(String helpdeskId);

    /** Agents whose email equals this one ignoring case (the matcher; emails are not unique). */
    List<Agent> findByEmailEqualsIgnoreCase(String email);

    List<Agent> findAllOrderByEmployeeNo();

    List<Agent> findByTeamIdInOrderByEmployeeNo(Collection<Long> teamIds);

    long countByTeamId(Long teamId);

    List<Agent> findByIdIn(Collection<Long> ids);
}
