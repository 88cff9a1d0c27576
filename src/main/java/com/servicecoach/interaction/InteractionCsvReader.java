package com.servicecoach.interaction;

import io.micronaut.core.annotation.Nullable;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.Channel;
import com.servicecoach.csv.CsvCells;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.csv.CsvRecordReader;
import com.servicecoach.csv.CsvRecords;
import com.servicecoach.csv.CsvSeparator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams and validates a helpdesk interaction CSV file (metrics.md, "Interactions").
 *
 * <p>The constructor reads the header (throwing {@link CsvHeaderException} at line 1 when it is unusable);
 * then every data row yields exactly one {@link RowResult}: an {@link InteractionRow} or a {@link RowError}
 * whose single message lists every problem of the row ("; "-separated, each starting with the field
 * name). Lines are the physical lines where rows start (see {@link CsvRecordReader}); blank lines are
 * skipped and yield nothing.
 *
 * <p>Decisions beyond metrics.md:
 * <ul>
 *   <li>Fields are separated by commas; a file whose header has no comma but semicolons or tabs (as
 *       spreadsheets save "CSV" in some locales) is read with that separator instead ({@link CsvSeparator}).</li>
 *   <li>Values are trimmed ({@link String#strip()}); empty means absent. Channel/category are matched
 *       case-insensitively and stored lower-case. A {@code '} before a value that starts with
 *       {@code = + - @} (as the rejected-rows CSV writes such cells, {@link CsvCells#text}) is dropped, so a
 *       corrected rejected-rows file imports as the original would have.</li>
 *   <li>A row whose field count differs from the header's is rejected with that reason only (its fields
 *       cannot be trusted to be aligned). A malformed CSV record is rejected with the CSV reason only.</li>
 *   <li>Timestamps without offset are local to the organization's zone, resolved like
 *       {@link ZonedDateTime#of(LocalDateTime, ZoneId)}: in a DST gap the time is moved forward by the
 *       length of the gap; in an overlap the earlier offset (the earlier instant) is used. Fractions of a
 *       second: 1-9 digits, kept. Only upper-case {@code T} and {@code Z}; offsets up to +/-18:00.</li>
 *   <li>Rating: an optionally signed run of digits; "7.0", "7.5", "7e0" are not whole numbers and are
 *       rejected. rating_scale: exactly "10" or "5" (empty = 10); not looked at when rating is empty.</li>
 *   <li>external_id and source: at most 64 characters and no control characters (NUL included); comment at
 *       most 2000 (counted in code points).</li>
 *   <li>Timestamps before the year {@value #MIN_YEAR} or after {@value #MAX_YEAR} are rejected.</li>
 *   <li>A used value containing U+FFFD (bytes the charset could not decode, e.g. a GBK file read as UTF-8)
 *       is rejected for that field instead of storing mangled text.</li>
 *   <li>The agent check is delegated to {@code agentProblem} (null = fine, else the reason, which is
 *       prefixed with "agent: " unless it already starts with "agent"). It is called for every row that
 *       has an agent value, also when the row has other problems, so that all problems are listed.</li>
 * </ul>
 *
 * <p>Not thread-safe; I/O failures surface as {@link UncheckedIOException}. {@link #close()} closes the
 * underlying stream; when the constructor throws, the caller still owns (and must close) the stream.
 */
public final class InteractionCsvReader implements Iterator<RowResult>, Closeable {

    public static final int MAX_ID_CHARS = 64;
    public static final int MAX_COMMENT_CHARS = 2000;
    /** Timestamps before this year are typing or export errors (a helpdesk did not exist), not interactions. */
    public static final int MIN_YEAR = 1900;
    /** Nor are timestamps after this year (stored rollups keep instants as nanoseconds since 1970, up to 2262). */
    public static final int MAX_YEAR = 2199;
    public static final String TIMESTAMP_FORMAT = "YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM]";
    public static final String DEFAULT_SOURCE = "default";
    public static final String DEFAULT_CATEGORY = "other";

    /** Marker for a value already reported as undecodable; compared by identity. */
    private static final String UNDECODABLE = new String("\uFFFD");

    private final CsvRecords csv;
    @Nullable
    private final MappedRecords mapped;
    private final ImportHeader header;
    private final ZoneId zone;
    private final ZoneOffset fixedOffset;
    private final Function<String, String> agentProblem;
    private final String charsetName;
    private String defaultSource = DEFAULT_SOURCE;

    private final StringBuilder problems = new StringBuilder(128);
    private final char separator;
    private String timeProblem;
    private RowResult pending;
    private boolean fetched;

    /**
     * Opens a file given as bytes. A leading byte-order mark is dropped; undecodable bytes become U+FFFD and
     * reject the field they are in.
     */
    public InteractionCsvReader(InputStream in, Charset charset, ZoneId zone,
                                Function<String, String> agentProblem) {
        this(new InputStreamReader(Objects.requireNonNull(in, "in"), charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                charset.name(), zone, agentProblem);
    }

    /** Opens a file given as text (a leading U+FEFF is dropped). */
    public InteractionCsvReader(Reader in, ZoneId zone, Function<String, String> agentProblem) {
        this(in, null, zone, agentProblem);
    }

    /**
     * Opens a helpdesk's export given as bytes, read through a column mapping ({@link MappedRecords}); {@code agentOf}
     * gives the employee number of an agent as the file names them, or null.
     */
    public InteractionCsvReader(InputStream in, Charset charset, ZoneId zone, Function<String, String> agentProblem,
                                @Nullable ImportMapping mapping, Function<String, String> agentOf) {
        this(new InputStreamReader(Objects.requireNonNull(in, "in"), charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                charset.name(), zone, agentProblem, mapping, agentOf);
    }

    private InteractionCsvReader(Reader in, String charsetName, ZoneId zone,
                                 Function<String, String> agentProblem) {
        this(in, charsetName, zone, agentProblem, null, a -> null);
    }

    private InteractionCsvReader(Reader in, String charsetName, ZoneId zone, Function<String, String> agentProblem,
                                 @Nullable ImportMapping mapping, Function<String, String> agentOf) {
        CsvSeparator sniffed = CsvSeparator.sniff(Objects.requireNonNull(in, "in"));
        this.separator = sniffed.separator();
        CsvRecordReader records = new CsvRecordReader(sniffed.reader(), CsvRecordReader.DEFAULT_MAX_RECORD_CHARS, separator);
        this.mapped = mapping == null ? null : new MappedRecords(records, mapping, zone, agentOf);
        this.csv = mapped == null ? records : mapped;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        this.agentProblem = Objects.requireNonNull(agentProblem, "agentProblem");
        this.charsetName = charsetName;
        try {
            if (!csv.next()) {
                throw new CsvHeaderException(1, "the file is empty: a header row is required (required columns: "
                        + String.join(", ", ImportHeader.REQUIRED) + ")");
            }
            if (csv.error() != null) {
                throw new CsvHeaderException(1, "header is not valid CSV: " + csv.error());
            }
            this.header = ImportHeader.of(csv.fields());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field separator found from the header: a comma, or a semicolon or tab when the header has no comma. */
    public char separator() {
        return separator;
    }

    /** The file's header. */
    public ImportHeader header() {
        return header;
    }

    /**
     * The source given to rows whose {@code source} is absent or empty ({@value #DEFAULT_SOURCE} unless
     * changed here, e.g. by the command-line import's {@code --source NAME}). Returns this reader.
     */
    public InteractionCsvReader defaultSource(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank() || source.strip().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("a source is 1-" + MAX_ID_CHARS + " characters");
        }
        this.defaultSource = source.strip();
        return this;
    }

    /**
     * The raw (untrimmed) fields of the row last returned by {@link #next()}, as the file holds them; for a
     * malformed CSV record, the fields completed before the problem. Used to give rejected rows back.
     */
    public java.util.List<String> rawFields() {
        return csv.fields();
    }

    @Override
    public boolean hasNext() {
        if (!fetched) {
            fetched = true;
            try {
                pending = csv.next() ? toResult() : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pending != null;
    }

    @Override
    public RowResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        RowResult r = pending;
        pending = null;
        return r;
    }

    /** Passes every remaining row's result, in file order, to {@code action}. */
    public void forEach(Consumer<? super RowResult> action) {
        while (hasNext()) {
            action.accept(next());
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------

    private RowResult toResult() {
        int line = csv.line();
        if (csv.error() != null) {
            return new RowError(line, header.fieldName(csv.errorField()) + ": not valid CSV: " + csv.error());
        }
        int fields = mapped == null ? csv.size() : mapped.fileSize();
        int columns = mapped == null ? header.size() : mapped.fileColumns();
        if (fields != columns) {
            return new RowError(line, "row has " + fields + (fields == 1 ? " field" : " fields")
                    + " but the header has " + columns + " columns");
        }
        problems.setLength(0);

        String externalId = identifier(ImportHeader.I_EXTERNAL_ID, true);
        String source = identifier(ImportHeader.I_SOURCE, false);
        String agent = text(ImportHeader.I_AGENT, 0, true);
        if (agent != null) {
            String why = agentProblem.apply(agent);
            if (why != null) {
                problem(why.startsWith(ImportHeader.AGENT) ? why : ImportHeader.AGENT + ": " + why);
            }
        }
        String owner = text(ImportHeader.I_OWNER, 0, false);
        if (owner != null) {
            String why = agentProblem.apply(owner);
            if (why != null) {
                problem(ImportHeader.OWNER + ": " + (why.startsWith(ImportHeader.AGENT + ": ") ? why.substring(ImportHeader.AGENT.length() + 2) : why));
            }
        }
        String channel = channel();
        String category = category();
        String priority = priority();
        int reopened = reopened();
        Instant createdAt = time(ImportHeader.I_CREATED_AT, true);
        Instant firstResponseAt = time(ImportHeader.I_FIRST_RESPONSE_AT, false);
        Instant resolvedAt = time(ImportHeader.I_RESOLVED_AT, false);
        if (createdAt != null && firstResponseAt != null && firstResponseAt.isBefore(createdAt)) {
            problem(ImportHeader.FIRST_RESPONSE_AT + ": " + raw(ImportHeader.I_FIRST_RESPONSE_AT)
                    + " is before created_at " + raw(ImportHeader.I_CREATED_AT));
        }
        if (resolvedAt != null) {
            if (createdAt != null && resolvedAt.isBefore(createdAt)) {
                problem(ImportHeader.RESOLVED_AT + ": " + raw(ImportHeader.I_RESOLVED_AT)
                        + " is before created_at " + raw(ImportHeader.I_CREATED_AT));
            } else if (firstResponseAt != null && resolvedAt.isBefore(firstResponseAt)) {
                problem(ImportHeader.RESOLVED_AT + ": " + raw(ImportHeader.I_RESOLVED_AT)
                        + " is before first_response_at " + raw(ImportHeader.I_FIRST_RESPONSE_AT));
            }
        }
        Integer rating10 = rating();
        String comment = text(ImportHeader.I_COMMENT, MAX_COMMENT_CHARS, false);
        String transcript = text(ImportHeader.I_TRANSCRIPT, 0, false);
        if (transcript != null) {
            String why = Transcript.problem(transcript);
            if (why != null) {
                problem(ImportHeader.TRANSCRIPT + ": " + why);
                transcript = null;
            }
        }

        if (problems.length() > 0) {
            return new RowError(line, problems.toString());
        }
        return new InteractionRow(line, source == null ? defaultSource : source, externalId, agent, channel,
                category == null ? DEFAULT_CATEGORY : category, createdAt, firstResponseAt, resolvedAt,
                rating10, comment, priority == null ? Priority.NORMAL.code() : priority, owner == null ? agent : owner, reopened,
                transcript);
    }

    private void problem(String p) {
        if (problems.length() > 0) {
            problems.append("; ");
        }
        problems.append(p);
    }

    /** Trimmed value of a known column; null when the column is absent or the value empty. */
    private String value(int ordinal) {
        int position = header.position(ordinal);
        if (position < 0) {
            return null;
        }
        if (mapped != null && mapped.problem(position) != null) {
            problem(mapped.problem(position)); // the mapping could not convert it: its reason, once
            return UNDECODABLE;
        }
        String s = csv.get(position).strip();
        if (s.length() > 1 && s.charAt(0) == '\'' && CsvCells.isFormulaLike(s.substring(1))) {
            s = s.substring(1).strip(); // the quote our rejected-rows CSV puts before formula-like cells
        }
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf('\uFFFD') >= 0) {
            problem(ImportHeader.COLUMNS.get(ordinal) + ": contains bytes that are not valid "
                    + (charsetName == null ? "in the file's character set" : charsetName)
                    + ("UTF-8".equals(charsetName) ? " (was the file saved as GBK, as Excel on Chinese Windows does? Import it again with the encoding GBK)" : ""));
            return UNDECODABLE;
        }
        return s;
    }

    /** The quoted, trimmed text of a present column (for messages). */
    private String raw(int ordinal) {
        return quote(csv.get(header.position(ordinal)).strip());
    }

    private String text(int ordinal, int maxChars, boolean required) {
        String s = value(ordinal);
        if (s == null) {
            if (required) {
                missing(ordinal);
            }
            return null;
        }
        if (s == UNDECODABLE) {
            return null;
        }
        if (maxChars > 0 && s.length() > maxChars) {
            int n = s.codePointCount(0, s.length());
            if (n > maxChars) {
                problem(ImportHeader.COLUMNS.get(ordinal) + ": " + n + " characters, longer than the "
                        + maxChars + " allowed");
                return null;
            }
        }
        return s;
    }

    /** An identifier (external_id, source): at most {@link #MAX_ID_CHARS} characters and no control characters. */
    private String identifier(int ordinal, boolean required) {
        String s = text(ordinal, MAX_ID_CHARS, required);
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                problem(ImportHeader.COLUMNS.get(ordinal) + ": contains the control character "
                        + String.format("U+%04X", (int) c) + " at position " + (i + 1) + " (identifiers are printable text)");
                return null;
            }
        }
        return s;
    }

    private void missing(int ordinal) {
        problem(ImportHeader.COLUMNS.get(ordinal) + ": is required but empty");
    }

    private String channel() {
        String s = value(ImportHeader.I_CHANNEL);
        if (s == null) {
            missing(ImportHeader.I_CHANNEL);
            return null;
        }
        if (s == UNDECODABLE) {
            return null;
        }
        Optional<Channel> channel = Channel.fromCode(s);
        if (channel.isEmpty() || !s.equals(s.strip())) {
            problem("channel: " + quote(s) + " is not one of " + String.join(", ", Arrays.stream(Channel.values()).map(Channel::code).toList()));
            return null;
        }
        return channel.get().code();
    }

    private String category() {
        String s = value(ImportHeader.I_CATEGORY);
        if (s == null || s == UNDECODABLE) {
            return null;
        }
        Optional<Category> category = Category.fromCode(s);
        if (category.isEmpty() || !s.equals(s.strip())) {
            problem("category: " + quote(s) + " is not one of " + String.join(", ", Category.CODES));
            return null;
        }
        return category.get().code();
    }

    private String priority() {
        String s = value(ImportHeader.I_PRIORITY);
        if (s == null || s == UNDECODABLE) {
            return null;
        }
        Optional<Priority> priority = Priority.fromCode(s);
        if (priority.isEmpty()) {
            problem("priority: " + quote(s) + " is not one of " + String.join(", ", Priority.CODES));
            return null;
        }
        return priority.get().code();
    }

    /** How often the contact was reopened: a whole number, 0 or more; empty is 0. */
    private int reopened() {
        String s = value(ImportHeader.I_REOPENED);
        if (s == null || s == UNDECODABLE) {
            return 0;
        }
        long v = wholeNumber(s);
        if (v == NOT_WHOLE || v < 0 || v > 10_000) {
            problem("reopened: " + quote(s) + " is not a count (a whole number from 0 to 10000)");
            return 0;
        }
        return (int) v;
    }

    private Integer rating() {
        String s = value(ImportHeader.I_RATING);
        if (s == null || s == UNDECODABLE) {
            return null; // rating_scale is ignored when rating is empty
        }
        long v = wholeNumber(s);
        boolean whole = v != NOT_WHOLE;
        if (!whole) {
            problem("rating: " + quote(s) + " is not a whole number");
        }
        String sc = value(ImportHeader.I_RATING_SCALE);
        int scale;
        if (sc == null) {
            scale = 10;
        } else if (sc == UNDECODABLE) {
            scale = 0;
        } else if (sc.equals("10")) {
            scale = 10;
        } else if (sc.equals("5")) {
            scale = 5;
        } else {
            problem("rating_scale: " + quote(sc) + " is not 10 or 5");
            scale = 0;
        }
        if (!whole || scale == 0) {
            return null;
        }
        if (v < 1 || v > scale) {
            problem("rating: " + quote(s) + " is outside the 1-" + scale + " scale"
                    + (scale == 5 ? " (rating_scale 5)" : ""));
            return null;
        }
        return scale == 5 ? (int) v * 2 : (int) v;
    }

    private static final long NOT_WHOLE = Long.MIN_VALUE;

    /** Parses [+-]digits; NOT_WHOLE for anything else. Very long numbers saturate (they are out of scale). */
    private static long wholeNumber(String s) {
        int i = 0;
        int n = s.length();
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n) {
            return NOT_WHOLE;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_WHOLE;
            }
            if (v < 1_000_000_000L) {
                v = v * 10 + (c - '0');
            }
        }
        return negative ? -v : v;
    }

    // ------------------------------------------------------------------------------------------ timestamps

    private Instant time(int ordinal, boolean required) {
        String s = value(ordinal);
        if (s == null) {
            if (required) {
                missing(ordinal);
            }
            return null;
        }
        if (s == UNDECODABLE) {
            return null;
        }
        Instant t = parseTime(s);
        if (t == null) {
            problem(ImportHeader.COLUMNS.get(ordinal) + ": " + quote(s) + timeProblem);
        }
        return t;
    }

    /** Parses a timestamp per metrics.md; on failure returns null and sets {@link #timeProblem}. */
    private Instant parseTime(String s) {
        int n = s.length();
        if (n < 19 || !isDate(s) || s.charAt(10) != 'T' || !digits(s, 11, 2) || s.charAt(13) != ':'
                || !digits(s, 14, 2) || s.charAt(16) != ':' || !digits(s, 17, 2)) {
            String hint = null;
            if (n >= 10 && isDate(s)) {
                if (n == 10) {
                    hint = "a date alone needs a time";
                } else if (s.charAt(10) == ' ') {
                    hint = "a space instead of 'T'";
                } else if (s.charAt(10) == 't') {
                    hint = "the 'T' must be upper-case";
                } else if (s.charAt(10) == 'T' && (n == 16 || n > 16 && s.charAt(16) != ':')) {
                    hint = "seconds are required";
                }
            }
            return notIso(hint);
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            int count = j - i - 1;
            if (count == 0) {
                return notIso("no digits after '.'");
            }
            if (count > 9) {
                return notIso("more than 9 digits of fraction");
            }
            for (int k = i + 1; k < j; k++) {
                nanos = nanos * 10 + (s.charAt(k) - '0');
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
            i = j;
        }
        Integer offsetSeconds = null;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && n == i + 6 && digits(s, i + 1, 2) && s.charAt(i + 3) == ':'
                    && digits(s, i + 4, 2)) {
                int oh = num(s, i + 1, 2);
                int om = num(s, i + 4, 2);
                if (om > 59 || oh * 3600 + om * 60 > 18 * 3600) {
                    return invalid("offset " + s.substring(i) + " is out of range (-18:00 to +18:00)");
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else if (c == '+' || c == '-') {
                return notIso("bad offset '" + s.substring(i) + "' (use Z, +HH:MM or -HH:MM)");
            } else if (c == 'z') {
                return notIso("the 'Z' must be upper-case");
            } else {
                return notIso(null);
            }
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = num(s, 17, 2);
        if (year < MIN_YEAR) {
            return invalid("year " + s.substring(0, 4) + " is before " + MIN_YEAR);
        }
        if (year > MAX_YEAR) {
            return invalid("year " + s.substring(0, 4) + " is after " + MAX_YEAR);
        }
        if (month < 1 || month > 12) {
            return invalid("month " + s.substring(5, 7) + " does not exist");
        }
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return invalid("day " + s.substring(8, 10) + " does not exist in " + s.substring(0, 7));
        }
        if (hour > 23) {
            return invalid("hour " + s.substring(11, 13) + " is out of range (00-23)");
        }
        if (minute > 59) {
            return invalid("minute " + s.substring(14, 16) + " is out of range (00-59)");
        }
        if (second > 59) {
            return invalid("second " + s.substring(17, 19) + " is out of range (00-59)");
        }
        int secondOfDay = hour * 3600 + minute * 60 + second;
        if (offsetSeconds == null && fixedOffset != null) {
            offsetSeconds = fixedOffset.getTotalSeconds();
        }
        if (offsetSeconds != null) {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400L + secondOfDay - offsetSeconds, nanos);
        }
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone).toInstant();
    }

    private Instant notIso(String hint) {
        timeProblem = " is not an ISO-8601 date-time (" + TIMESTAMP_FORMAT + ")" + (hint == null ? "" : ": " + hint);
        return null;
    }

    private Instant invalid(String why) {
        timeProblem = " is not a valid date-time: " + why;
        return null;
    }

    private static boolean isDate(String s) {
        return digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 2) && s.charAt(7) == '-' && digits(s, 8, 2);
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** A value for a message: quoted, and shortened when long. */
    private static String quote(String s) {
        return "'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "'";
    }
}
