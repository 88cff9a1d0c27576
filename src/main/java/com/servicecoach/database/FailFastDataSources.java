package com.servicecoach.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Puts {@link FailFastDataSource} around each Hikari pool as it is created, before Micronaut Data wraps it in its
 * transaction-aware proxy (this listener runs first), so the repositories, the transactions and the plain-JDBC
 * paths that unwrap that proxy ({@code Database}, imports) all fail fast alike.
 */
@Singleton
class FailFastDataSources implements BeanCreatedEventListener<DataSource>, Ordered {

    private final Duration unavailableAfter;

    FailFastDataSources(@Value("${servicecoach.database.unavailable-after:3s}") Duration unavailableAfter) {
        this.unavailableAfter = unavailableAfter;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource ds = event.getBean();
        if (ds instanceof HikariDataSource hikari) {
            return new FailFastDataSource(hikari, unavailableAfter.toMillis());
        }
        return ds;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
