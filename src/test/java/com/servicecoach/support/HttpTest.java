package com.servicecoach.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * Base of the HTTP tests (annotate the subclass with {@code @MicronautTest(transactional = false)}): each
 * test starts from an empty database holding the standard cast of {@link Fixtures}, with {@link #api}
 * signed in as whichever user a call names.
 */
public abstract class HttpTest {

    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected ObjectMapper mapper;
    @Inject
    protected DataSource dataSource;
    @Inject
    protected Fixtures fixtures;

    protected Api api;

    @BeforeEach
    void startFromTheStandardCast() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }
}
