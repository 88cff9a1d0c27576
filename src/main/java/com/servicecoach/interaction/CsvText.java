package com.servicecoach.interaction;

import java.util.List;

/** Writes CSV fields (RFC 4180: quoted when they hold a comma, quote or line break) and JSON strings. */
final class CsvText {

    private CsvText() {
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t')) {
            quote = true; // keeps leading blanks, which a reader could otherwise take for padding
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.toString();
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
