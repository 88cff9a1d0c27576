package com.servicecoach.agent;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TeamRepository extends CrudRepository<Team, Long> {

    Optional<Team> findByName(String name);

    List<Team> findAllOrderByName();

    List<Team> findBySupervisorOrderByName(String supervisor);
}
