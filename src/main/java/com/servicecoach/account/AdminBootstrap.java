package com.servicecoach.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;

/**
 * On first start with an empty database, creates {@code admin}: with {@code SERVICECOACH_ADMIN_PASSWORD}
 * if set, else in the demo environment with the demo password, else with a random password printed once.
 */
@Singleton
@Order(0)
public class AdminBootstrap implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final Environment environment;
    private final String configured;
    private final String demoPassword;

    AdminBootstrap(AccountService accounts, Environment environment,
                   @Nullable @Value("${SERVICECOACH_ADMIN_PASSWORD:}") String configured,
                   @Nullable @Value("${servicecoach.demo.password:}") String demoPassword) {
        this.accounts = accounts;
        this.environment = environment;
        this.configured = configured;
        this.demoPassword = demoPassword;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        ensureAdmin();
    }

    public void ensureAdmin() {
        if (accounts.hasAnyUser()) {
            return;
        }
        if (configured != null && configured.length() >= PasswordHasher.MIN_LENGTH) {
            accounts.createBootstrapAdmin(configured);
            LOG.info("Created user 'admin' with the password from SERVICECOACH_ADMIN_PASSWORD");
        } else if (environment.getActiveNames().contains("demo") && demoPassword != null && !demoPassword.isEmpty()) {
            accounts.createBootstrapAdmin(demoPassword);
            LOG.info("Created user 'admin' with the demo password (see README)");
        } else {
            String password = randomPassword();
            accounts.createBootstrapAdmin(password);
            LOG.warn("Created user 'admin' with the one-time password: {}  (change it after signing in)", password);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
