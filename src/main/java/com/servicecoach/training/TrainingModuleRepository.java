package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingModuleRepository extends CrudRepository<TrainingModule, Long> {

    Optional<TrainingModule> findByCode(String code);

    List<TrainingModule> findAllOrderByCode();

    List<TrainingModule> findByActiveOrderByCode(boolean active);
}
