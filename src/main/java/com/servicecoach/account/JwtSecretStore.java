package com.servicecoach.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.Base64;

/** The generated key that signs sign-in tokens, kept in {@code app_secret} so restarts and instances share it. */
@Singleton
class JwtSecretStore {

    private final JdbcOperations jdbc;

    JwtSecretStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored secret; generated (48 random bytes, Base64) and stored on first use. */
    @Transactional
    public String jwtSecret() {
        String existing = jdbc.prepareStatement("select secret_value from app_secret where name = 'jwt'", ps -> {
            ResultSet rs = ps.executeQuery();
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
