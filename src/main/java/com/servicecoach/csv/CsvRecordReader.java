package com.servicecoach.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Streaming RFC 4180 tokenizer that knows the physical line on which every record starts.
 *
 * <p>Usage is cursor style: {@link #next()} advances to the next record and the accessors describe it.
 * The reader keeps only the current record (and a bounded read buffer) in memory.
 *
 * <p>Rules:
 * <ul>
 *   <li>Fields are separated by {@code ,}; a record ends at LF, CRLF or a lone CR (outside quotes) or at
 *       end of input, so files with old Mac line ends read like any other. Lines are counted as an editor
 *       shows them: every LF, CRLF or lone CR ends a physical line (CRLF counts once), also inside a quoted
 *       field, where the line break stays data; the first line is 1.</li>
 *   <li>A field whose first non-blank character is {@code "} is quoted: it may contain commas, line breaks
 *       (kept verbatim, CRLF included) and doubled quotes ({@code ""} = one {@code "}). Spaces and tabs
 *       before the opening quote and after the closing quote are ignored.</li>
 *   <li>In an unquoted field a {@code "} is taken literally (lenient; no ambiguity arises).</li>
 *   <li>Blank lines (empty, or only whitespace, outside quotes) are skipped: they produce no record but
 *       are still counted, so the lines of later records are unaffected. A line of only commas is
 *       <em>not</em> blank; it is a record of empty fields.</li>
 *   <li>A U+FEFF byte-order mark at the very start of the input is dropped.</li>
 *   <li>A malformed record (text after a closing quote, a quote still open at end of input, or a record
 *       longer than {@code maxRecordChars}) is returned as a record whose {@link #error()} is non-null,
 *       with the line where it starts. Recovery: the malformed record consumes exactly its first physical
 *       line; reading resumes at the following physical line (text already read beyond it is re-read), so
 *       a stray quote costs one record, not the rest of the file.</li>
 * </ul>
 */
public final class CsvRecordReader implements CsvRecords {

    /** Default upper bound on the characters of one record (keeps memory bounded on broken input). */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_CLOSE = 4;

    private final Reader in;
    private final int maxRecordChars;

    private final char[] buf = new char[16384];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;

    /** Re-read text after a malformed multi-line record; consumed before {@link #buf}. */
    private char[] back = new char[0];
    private int backPos;
    private int backLim;

    /** Raw text of the current record after its first line break (only while {@link #capturing}). */
    private final StringBuilder raw = new StringBuilder();
    private boolean capturing;

    /** Physical line of the next character to be read. */
    private int line = 1;
    /** The last character read was a CR (so an LF right after it ends no further line). */
    private boolean afterCr;

    private String[] fields = new String[16];
    private int count;
    private final StringBuilder field = new StringBuilder(64);
    private boolean anyQuoted;
    private int recordLine;
    private int recordChars;
    private String error;
    private int errorField = -1;
    private final char delimiter;

    public CsvRecordReader(Reader in) {
        this(in, DEFAULT_MAX_RECORD_CHARS);
    }

    public CsvRecordReader(Reader in, int maxRecordChars) {
        this(in, maxRecordChars, ',');
    }

    /** A reader of fields separated by {@code delimiter} (a comma, a semicolon or a tab) instead of commas. */
    public CsvRecordReader(Reader in, int maxRecordChars, char delimiter) {
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("the separator must be a comma, a semicolon or a tab");
        }
        this.delimiter = delimiter;
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * Advances to the next record, skipping blank lines.
     *
     * @return false at end of input
     */
    @Override
    public boolean next() throws IOException {
        for (;;) {
            count = 0;
            error = null;
            errorField = -1;
            anyQuoted = false;
            recordChars = 0;
            capturing = false;
            raw.setLength(0);
            field.setLength(0);
            recordLine = line;
            int c = read();
            if (c == -1) {
                return false;
            }
            if (parse(c)) {
                return true;
            }
            // blank line: loop
        }
    }

    /** 1-based physical line where the current record starts. */
    @Override
    public int line() {
        return recordLine;
    }

    /** Number of fields of the current record (for a malformed record: the fields completed before the error). */
    @Override
    public int size() {
        return count;
    }

    /** Field {@code i} (0-based) of the current record, untrimmed. */
    @Override
    public String get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("field " + i + " of " + count);
        }
        return fields[i];
    }

    /** The fields of the current record as a new immutable list. */
    @Override
    public List<String> fields() {
        return List.of(Arrays.copyOf(fields, count));
    }

    /** Why the current record is malformed, or null when it is well formed. */
    @Override
    public String error() {
        return error;
    }

    /** 0-based index of the field in which the current record became malformed, or -1. */
    @Override
    public int errorField() {
        return errorField;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ------------------------------------------------------------------------------------------

    /** Parses one record whose first character {@code c} has been read. Returns false for a blank line. */
    private boolean parse(int c) throws IOException {
        int state = FIELD_START;
        for (;;) {
            if (++recordChars > maxRecordChars) {
                fail(c, "record is longer than " + maxRecordChars + " characters (unterminated quote?)");
                return true;
            }
            switch (state) {
                case FIELD_START:
                    if (c == '"') {
                        field.setLength(0);
                        anyQuoted = true;
                        state = QUOTED;
                        break;
                    }
                    if ((c == ' ' || c == '\t') && c != delimiter) {
                        field.append((char) c);
                        break;
                    }
                    state = UNQUOTED;
                    // fall through
                case UNQUOTED:
                    if (c == delimiter) {
                        endField();
                        state = FIELD_START;
                    } else if (c == '\n' || c == -1) {
                        endField();
                        return endRecord();
                    } else if (c == '\r') {
                        if (peek() == '\n') {
                            read();
                        }
                        endField();
                        return endRecord();
                    } else {
                        field.append((char) c);
                        // fast path: copy a run of ordinary characters straight from the buffer
                        if (backPos >= backLim && !capturing) {
                            int p = pos;
                            int end = Math.min(lim, p + (maxRecordChars - recordChars));
                            while (p < end) {
                                char ch = buf[p];
                                if (ch == delimiter || ch == '\n' || ch == '\r') {
                                    break;
                                }
                                p++;
                            }
                            if (p > pos) {
                                field.append(buf, pos, p - pos);
                                recordChars += p - pos;
                                pos = p;
                            }
                        }
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        state = QUOTE_SEEN;
                    } else if (c == -1) {
                        fail(c, "unterminated quoted field (no closing quote before end of file)");
                        return true;
                    } else {
                        field.append((char) c);
                        if (!capturing && (c == '\n' || c == '\r' && peek() != '\n')) {
                            capturing = true; // remember what follows the record's first line break
                        }
                    }
                    break;
                case QUOTE_SEEN:
                    if (c == '"') {
                        field.append('"');
                        state = QUOTED;
                        break;
                    }
                    state = AFTER_CLOSE;
                    // fall through
                default: // AFTER_CLOSE
                    if (c == delimiter) {
                        endField();
                        state = FIELD_START;
                    } else if (c == '\n' || c == -1) {
                        endField();
                        return endRecord();
                    } else if (c == '\r') {
                        if (peek() == '\n') {
                            read();
                        }
                        endField();
                        return endRecord();
                    } else if (c != ' ' && c != '\t') {
                        fail(c, "text after the closing quote (a quote inside a quoted field must be doubled)");
                        return true;
                    }
                    break;
            }
            c = read();
        }
    }

    private void endField() {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = field.toString();
        field.setLength(0);
    }

    private boolean endRecord() {
        if (count == 1 && !anyQuoted && isBlank(fields[0])) {
            return false;
        }
        return true;
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Marks the record malformed and positions the input at the physical line after the record's first. */
    private void fail(int lastChar, String message) throws IOException {
        error = message;
        errorField = count;
        field.setLength(0);
        if (capturing) {
            capturing = false;
            int rem = backLim - backPos;
            char[] nb = new char[raw.length() + rem];
            raw.getChars(0, raw.length(), nb, 0);
            if (rem > 0) {
                System.arraycopy(back, backPos, nb, raw.length(), rem);
            }
            raw.setLength(0);
            back = nb;
            backPos = 0;
            backLim = nb.length;
            line = recordLine + 1;
            afterCr = false; // the re-read text starts after a whole line break
        } else if (lastChar == '\r') {
            if (peek() == '\n') {
                read();
            }
        } else if (lastChar != '\n' && lastChar != -1) {
            int c;
            do {
                c = read();
            } while (c != '\n' && c != '\r' && c != -1);
            if (c == '\r' && peek() == '\n') {
                read();
            }
        }
    }

    private int read() throws IOException {
        int c;
        if (backPos < backLim) {
            c = back[backPos++];
        } else {
            if (pos >= lim && !fill()) {
                return -1;
            }
            c = buf[pos++];
        }
        if (c == '\r' || c == '\n' && !afterCr) {
            line++;
        }
        afterCr = c == '\r';
        if (capturing) {
            raw.append((char) c);
        }
        return c;
    }

    private int peek() throws IOException {
        if (backPos < backLim) {
            return back[backPos];
        }
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        while (!eof) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            lim = n;
            if (!started && n > 0) {
                started = true;
                if (buf[0] == '\uFEFF') {
                    pos = 1;
                }
            }
            if (pos < lim) {
                return true;
            }
        }
        return false;
    }
}
