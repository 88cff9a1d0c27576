package com.servicecoach.interaction;

import com.servicecoach.csv.CsvCells;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows as CSV text (the fields of a rejected row as the file held them, kept until its rejected-rows CSV is
 * downloaded; {@link CsvCells#figure} quoting) and back, and JSON strings.
 */
final class CsvText {

    private CsvText() {
    }

    static String field(String value) {
        return CsvCells.figure(value);
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

    /**
     * The fields of a text written by {@link #line} (unquoted fields, or quoted ones with doubled quotes that
     * may hold commas and line breaks). An empty text is no field at all.
     */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        if (line == null || line.isEmpty()) {
            return out;
        }
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            f.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    f.append(line.charAt(i++)); // not written by line(); kept rather than lost
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    f.append(line.charAt(i++));
                }
            }
            out.add(f.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
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
