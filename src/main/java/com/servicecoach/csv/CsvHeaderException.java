package com.servicecoach.csv;

/**
 * The header row of a CSV file is unusable (missing required columns, duplicated column, no header
 * at all, malformed CSV). The whole file is rejected; the error is reported at {@link #line()}, which is
 * always 1 (the contract reports header problems at line 1).
 */
public final class CsvHeaderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public CsvHeaderException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The line the error is reported at (1). */
    public int line() {
        return line;
    }
}
