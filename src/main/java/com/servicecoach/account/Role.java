package com.servicecoach.account;

/** What a user may do: see api.md "Access". */
public enum Role {
    ADMIN, SUPERVISOR, AGENT, HR;

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
