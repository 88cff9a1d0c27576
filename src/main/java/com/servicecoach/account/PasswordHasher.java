package com.servicecoach.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt (cost 10) password hashes. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
    private final String decoy = encoder.encode("decoy-password-never-used");

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
