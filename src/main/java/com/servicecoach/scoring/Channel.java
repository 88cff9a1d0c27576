package com.servicecoach.scoring;

import java.util.Locale;
import java.util.Optional;

/**
 * The channel of an interaction (metrics.md, "Interactions": {@code chat}, {@code email}, {@code phone}
 * or {@code social}). Each channel has its own calendar and SLA targets.
 */
public enum Channel {
    CHAT("chat"),
    EMAIL("email"),
    PHONE("phone"),
    SOCIAL("social");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    /** The code used in CSV files and JSON, e.g. {@code "chat"}. */
    public String code() {
        return code;
    }

    /** The channel for a code, trimmed and case-insensitive; empty when the code is null or unknown. */
    public static Optional<Channel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Channel channel : values()) {
            if (channel.code.equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
