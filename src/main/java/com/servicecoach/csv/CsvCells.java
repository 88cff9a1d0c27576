package com.servicecoach.csv;

import java.util.List;

/**
 * Writes the cells of every CSV file the application produces (RFC 4180: a cell is quoted when it holds a
 * comma, a quote or a line break, quotes doubled; also when it starts or ends with a blank, which a reader
 * could otherwise take for padding).
 *
 * <p>Text that came from users (names, teams, reasons, the rows of an imported file) goes through
 * {@link #text}: a spreadsheet program runs a cell that starts with {@code = + - @}, a tab or a carriage
 * return as a formula ("CSV injection"), so such a cell is written as OWASP recommends, with a single quote
 * before it, and quoted: {@code =cmd|' /C calc'!A0} becomes {@code "'=cmd|' /C calc'!A0"}. Figures the
 * application computes itself (a count, a percentage such as {@code -2.5}) go through {@link #figure}
 * unchanged, so numeric columns stay numbers. Both are pure functions: the same value gives the same bytes.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell of user text, neutralised when a spreadsheet would take it for a formula. Null is empty. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        if (isFormulaLike(value)) {
            return quoted("'" + value);
        }
        return figure(value);
    }

    /** A cell the application computed (a number, a boolean, a date or a fixed name): quoted only where needed. */
    public static String figure(String value) {
        if (value == null) {
            return "";
        }
        return needsQuotes(value) ? quoted(value) : value;
    }

    /** A record of user-text cells, comma separated, without a line end. */
    public static String textLine(List<String> cells) {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(text(cells.get(i)));
        }
        return b.toString();
    }

    /** True when a spreadsheet program would read the value as a formula (OWASP's list of first characters). */
    public static boolean isFormulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return isBlank(value.charAt(0)) || isBlank(value.charAt(value.length() - 1));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
