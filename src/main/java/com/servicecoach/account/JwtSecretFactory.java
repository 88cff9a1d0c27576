package com.servicecoach.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;


/**
 * The key that signs sign-in tokens (HS256, configured as {@code micronaut.security.token.jwt.signatures.secret.generator}):
 * {@code SERVICECOACH_JWT_SECRET} when set, else one generated on first start and kept in the database,
 * so restarts and several instances share it.
 */
@Singleton
class JwtSecretFactory implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    private final String configured;
    private final Provider<JwtSecretStore> store;

    JwtSecretFactory(@Nullable @Value("${SERVICECOACH_JWT_SECRET:}") String configured, Provider<JwtSecretStore> store) {
        this.configured = configured;
        this.store = store;
    }

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        if (configured == null || configured.length() < 32) {
            config.setSecret(storedSecret());
        }
        return config;
    }

    private String storedSecret() {
        return store.get().jwtSecret();
    }
}
