package com.servicecoach.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password may not be, beyond its length ({@link AccountService}): a password with control
 * characters (NUL, tab, line breaks: they cannot be typed in the sign-in form and are usually a client bug),
 * only blanks, one character repeated, or one of the most common long passwords of the breach lists
 * (compared case-insensitively and without surrounding blanks). Plain Java: each rule names the message key
 * of its field error.
 */
final class PasswordRules {

    /**
     * Common passwords of 12 characters or more (breach-list favourites, keyboard walks, number runs, and the
     * words of this application), lower case.
     */
    static final Set<String> COMMON = Set.of(
            // number runs and repeats
            "123456789012", "1234567890123", "12345678901234", "123456789012345", "1234567890123456",
            "098765432112", "123456123456", "123123123123", "121212121212", "123456654321", "111222333444",
            "147258369147", "159753159753", "135792468000", "123321123321", "112233445566", "102030405060",
            "147852369000", "123654789000", "789456123000", "123456789abc", "123456789qwe", "123456789asd",
            // keyboard walks
            "qwertyuiop12", "qwertyuiop123", "qwertyuiop1234", "qwertyuiopasdf", "qwertyuiopasdfgh",
            "qwertyuiopasdfghjkl", "qwertyuiopasdfghjklzxcvbnm", "asdfghjkl123", "asdfghjklzxc", "zxcvbnm12345",
            "zxcvbnmasdfghjkl", "qwerty123456", "qwerty1234567", "qwerty12345678", "qwerty123456789", "123456qwerty",
            "1234567890qwerty", "qwerty1234567890", "qwertyqwerty", "qwe123qwe123", "q1w2e3r4t5y6", "q1w2e3r4t5y6u7",
            "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "1q2w3e4r5t6y7u8i", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1qazxsw23edc",
            "zaq12wsxcde3", "zaq1xsw2cde3", "qazwsxedcrfv", "qazwsxedcrfvtgb", "123qweasdzxc", "qweasdzxc123",
            "asdfasdfasdf", "a1b2c3d4e5f6", "abc123abc123", "abcdefghijkl", "abcdefghijklm", "abcdefghijklmnop",
            "abcdefghijklmnopqrstuvwxyz", "abcd1234abcd", "abcd12345678", "1234abcd1234",
            // the word "password"
            "password1234", "password12345", "password123456", "password1234567", "password123!", "password@123",
            "password!123", "passwordpassword", "password1password", "p@ssw0rd1234", "p@ssword1234", "passw0rd1234",
            "passw0rd123!", "mypassword123", "mypassword1234", "newpassword123", "changeme1234", "changeme12345",
            "changethispassword", "defaultpassword", "rootpassword", "secretpassword", "temppassword1",
            // words and names
            "iloveyou1234", "iloveyou12345", "iloveyou123456", "iloveyouiloveyou", "loveyouforever", "welcome12345",
            "welcome123456", "welcome@1234", "letmein12345", "letmein123456", "administrator", "administrator1",
            "admin1234567", "admin12345678", "admin@123456", "adminadmin123", "superman1234", "football1234",
            "baseball1234", "basketball12", "princess1234", "sunshine1234", "starwars1234", "whatever1234",
            "trustno1trustno1", "monkey123456", "dragon123456", "master123456", "correcthorsebatterystaple",
            "woaini1314520", "woaini520520", "woainiwoaini",
            // this application
            "servicecoach", "servicecoach1", "servicecoach12", "servicecoach123", "servicecoach1234",
            "servicecoach2025", "servicecoach2026", "customerservice", "customerservice1", "helpdesk1234",
            "support12345", "support123456");

    private PasswordRules() {
    }

    /** The message key of the first rule {@code password} breaks, if any (its length is checked elsewhere). */
    static Optional<String> problem(String password) {
        boolean allBlank = true;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("validation.password.control");
            }
            allBlank &= Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
        if (allBlank) {
            return Optional.of("validation.password.blank");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("validation.password.repeated");
        }
        if (COMMON.contains(password.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("validation.password.common");
        }
        return Optional.empty();
    }
}
