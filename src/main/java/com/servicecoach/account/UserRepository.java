package com.servicecoach.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByUsername(String username);

    Optional<User> findByEmployeeNo(String employeeNo);

    List<User> findAllOrderByUsername();

    List<User> findByRoleOrderByUsername(Role role);

    boolean existsByUsername(String username);
}
