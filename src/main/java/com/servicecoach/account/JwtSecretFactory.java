package com.servicecoach.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs sign-in tokens (HS256, configured as {@code micronaut.security.token.jwt.signatures.secret.generator}):
 * {@code SERVICECOACH_JWT_SECRET} when set, else one generated on first start and kept in the database,
 * so restarts and several instances share it.
 */
@Singleton
class JwtSecretFactory implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    private final String configured;
    private final Provider<JdbcOperations> jdbc;

    JwtSecretFactory(@Nullable @Value("${SERVICECOACH_JWT_SECRET:}") String configured, Provider<JdbcOperations> jdbc) {
        this.configured = configured;
        this.jdbc = jdbc;
    }

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        if (configured == null || configured.length() < 32) {
            config.setSecret(storedSecret());
        }
        return config;
    }

    @Transactional
    String storedSecret() {
        JdbcOperations db = jdbc.get();
        String existing = db.prepareStatement("select secret_value from app_secret where name = 'jwt'", ps -> {
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        });
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getEncoder().encodeToString(bytes);
        db.prepareStatement("insert into app_secret (name, secret_value) values ('jwt', ?)", ps -> {
            ps.setString(1, secret);
            return ps.executeUpdate();
        });
        return secret;
    }
}
