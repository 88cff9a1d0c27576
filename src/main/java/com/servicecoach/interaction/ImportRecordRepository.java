package com.servicecoach.interaction;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportRecordRepository extends CrudRepository<ImportRecord, Long> {

    Page<ImportRecord> findByUsername(String username, Pageable pageable);

    Page<ImportRecord> findAll(Pageable pageable);
}
