package com.servicecoach.question;

import java.util.Optional;

/** Text formats of GIFT ({@code [moodle] [html] [plain] [markdown]}); GIFT's default is {@link #MOODLE}. */
public enum TextFormat {
    MOODLE("moodle"),
    HTML("html"),
    PLAIN("plain"),
    MARKDOWN("markdown");

    private final String code;

    TextFormat(String code) {
        this.code = code;
    }

    /** The marker word, e.g. {@code "html"} for {@code [html]}. */
    public String code() {
        return code;
    }

    /** The format named by a marker word (case-insensitive), if it is one of the four. */
    public static Optional<TextFormat> fromCode(String code) {
        for (TextFormat f : values()) {
            if (f.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
