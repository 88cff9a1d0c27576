package com.servicecoach.settings;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SettingsVersionRepository extends CrudRepository<SettingsVersion, Integer> {

    Optional<SettingsVersion> findFirstOrderByVersionDesc();
}
