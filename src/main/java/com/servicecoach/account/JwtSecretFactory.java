package com.servicecoach.account;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs sign-in tokens: {@code SERVICECOACH_JWT_SECRET} when set, else one generated on first
 * start and kept in the database, so restarts and several instances share it.
 */
@Factory
class JwtSecretFactory {

    @Singleton
    @Named("generator")
    SecretSignatureConfiguration generator(@Nullable @Value("${SERVICECOACH_JWT_SECRET:}") String configured,
                                           SecretStore store) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        String secret = configured != null && configured.length() >= 32 ? configured : store.jwtSecret();
        config.setSecret(secret);
        return config;
    }

    @Singleton
    static class SecretStore {
        private final JdbcOperations jdbc;

        SecretStore(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        String jwtSecret() {
            String existing = jdbc.prepareStatement("select secret_value from app_secret where name = 'jwt'", ps -> {
                var rs = ps.executeQuery();
                return rs.next() ? rs.getString(1) : null;
            });
            if (existing != null) {
                return existing;
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            jdbc.prepareStatement("insert into app_secret (name, secret_value) values ('jwt', ?)", ps -> {
                ps.setString(1, secret);
                return ps.executeUpdate();
            });
            return secret;
        }
    }
}
