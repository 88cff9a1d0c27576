package com.servicecoach.account;

/** The outcome of checking a username and password. */
public record SignInResult(Outcome outcome, User user) {

    public enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** The message key shown to the person signing in. */
    public String messageKey() {
        return switch (outcome) {
            case OK -> "login.ok";
            case BAD_CREDENTIALS -> "login.error.credentials";
            case LOCKED -> "login.error.locked";
            case DISABLED -> "login.error.disabled";
        };
    }

    public String englishMessage() {
        return switch (outcome) {
            case OK -> "Signed in";
            case BAD_CREDENTIALS -> "Wrong username or password";
            case LOCKED -> "This account is locked for 15 minutes after 5 failed sign-ins";
            case DISABLED -> "This account is disabled";
        };
    }
}
