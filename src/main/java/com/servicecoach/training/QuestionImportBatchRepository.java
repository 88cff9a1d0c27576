package com.servicecoach.training;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface QuestionImportBatchRepository extends CrudRepository<QuestionImportBatch, Long> {

    List<QuestionImportBatch> findByModuleIdAndIdInList(Long moduleId, List<Long> ids);
}
