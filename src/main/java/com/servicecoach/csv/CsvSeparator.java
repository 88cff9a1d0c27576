package com.servicecoach.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Finds a file's field separator from its header line: a comma, unless the header has no comma outside quotes
 * but has semicolons or tabs (what a spreadsheet saves as "CSV" in locales whose decimal mark is a comma, or
 * as tab-separated text); then the more frequent of those two.
 *
 * @param reader    the text to read, positioned at its start again (the header was only looked at)
 * @param separator the separator found
 */
public record CsvSeparator(Reader reader, char separator) {

    /** How far into the file the header is looked for. */
    static final int LOOK_AHEAD = 1 << 16;

    public static CsvSeparator sniff(Reader in) {
        BufferedReader buffered = in instanceof BufferedReader b ? b : new BufferedReader(in, LOOK_AHEAD);
        try {
            buffered.mark(LOOK_AHEAD);
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            for (int i = 0; i < LOOK_AHEAD - 1; i++) {
                int c = buffered.read();
                if (c == -1 || !quoted && (c == '\n' || c == '\r')) {
                    break;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    if (c == ',') {
                        commas++;
                    } else if (c == ';') {
                        semicolons++;
                    } else if (c == '\t') {
                        tabs++;
                    }
                }
            }
            buffered.reset();
            char separator = commas > 0 || semicolons + tabs == 0 ? ',' : semicolons >= tabs ? ';' : '\t';
            return new CsvSeparator(buffered, separator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The separator as a reader would name it: "comma", "semicolon" or "tab". */
    public String name() {
        return switch (separator) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        };
    }
}
