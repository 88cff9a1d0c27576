package com.servicecoach.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A contact's priority (metrics.md "Targets per case type"); absent means {@link #NORMAL}. */
public enum Priority {
    LOW("low"),
    NORMAL("normal"),
    HIGH("high"),
    URGENT("urgent");

    /** Every code, lowest first. */
    public static final List<String> CODES = Arrays.stream(values()).map(Priority::code).toList();

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The priority for a code, trimmed and case-insensitive; empty when the code is null or unknown. */
    public static Optional<Priority> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst();
    }
}
