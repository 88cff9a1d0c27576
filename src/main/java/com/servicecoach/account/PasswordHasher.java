package com.servicecoach.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt password hashes (cost 10; tests lower it to stay fast). */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;

    private final BCryptPasswordEncoder encoder;
    /** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
    private final String decoy;

    PasswordHasher(@io.micronaut.context.annotation.Value("${servicecoach.security.bcrypt-cost:10}") int cost) {
        encoder = new BCryptPasswordEncoder(cost);
        decoy = encoder.encode("decoy-password-never-used");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    void burnTime(String password) {
        encoder.matches(password == null ? "" : password, decoy);
    }
}
