package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.csv.CsvRecordReader;
import com.servicecoach.csv.CsvSeparator;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.interaction.InteractionCsvReader;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Import of survey responses collected elsewhere (issue 12): a CSV file with {@code external_id}, {@code source},
 * one column per dimension code of the survey in force, {@code remark} and {@code answered_at}, read with the rules
 * of the interaction import (metrics.md "Interactions"): streamed, separator found from the header, UTF-8 or GBK,
 * one error per rejected row at the physical line where it starts, an unusable header rejects the whole file.
 *
 * <p>Rules:
 * <ul>
 *   <li>Header: {@code external_id} and {@code answered_at} are required, and at least one dimension column;
 *       {@code source} and {@code remark} are optional; names are trimmed and matched case-insensitively, in any
 *       order; unknown columns are ignored; a known column named twice rejects the file.</li>
 *   <li>Row: external_id required, source defaults to the import's default source ({@code default} unless given);
 *       both at most 64 characters, no control characters. answered_at is a timestamp as metrics.md says (local
 *       times in the organization's zone). Each dimension is empty (not answered) or a whole number 1-10, and at
 *       least one is answered. remark at most {@value SurveyLinks#MAX_REMARK} characters.</li>
 *   <li>The (source, external_id) must name an interaction (else the row is rejected), and for a supervisor one of
 *       an agent of their teams.</li>
 *   <li>A response replaces any earlier one of its interaction: counted as updated, or unchanged when its answers,
 *       remark and time are the same. A key repeated within the file is a re-import of the earlier row.</li>
 *   <li>The response records the survey version in force; it is complete when it rates all its dimensions.</li>
 * </ul>
 * Rows are stored in batches of {@value #BATCH_ROWS}, one transaction each, so memory stays bounded whatever the size
 * of the file (what is kept are the errors of rejected rows). Reasons are kept as message keys and arguments, and
 * told in the reader's language ({@link #summary}).
 */
@Singleton
public class SurveyImport {

    /** Rows per batch: one lookup of their interactions and one transaction. */
    static final int BATCH_ROWS = 500;
    static final String EXTERNAL_ID = "external_id";
    static final String SOURCE = "source";
    static final String REMARK = "remark";
    static final String ANSWERED_AT = "answered_at";
    static final List<String> REQUIRED = List.of(EXTERNAL_ID, ANSWERED_AT);

    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*", Pattern.DOTALL);
    private static final Pattern CSV_TOO_LONG = Pattern.compile("record is longer than (\\d+) characters.*", Pattern.DOTALL);

    /**
     * One problem: the column it concerns (null for the row or the file as a whole) and its message key with the
     * arguments; an argument that is itself a {@code Problem} is told first (a detail of the message).
     */
    public record Problem(@Nullable String field, String key, List<Object> args) {
        static Problem of(@Nullable String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }
    }

    /** A rejected row (or, at line 1, the rejected file) with its problems. */
    public record RowError(int line, List<Problem> problems) {
    }

    /**
     * What an import did; {@code fileRejected}: the header was unusable, nothing was read or stored. {@code errors}
     * holds the first {@value #KEPT_ERRORS} rejected rows (by line), {@code rejected} counts them all.
     */
    public record Result(boolean fileRejected, long received, long inserted, long updated, long unchanged, long rejected,
                         List<RowError> errors) {
    }

    /** The rejected rows an import keeps with their reasons (a file of bad rows does not fill the memory). */
    public static final int KEPT_ERRORS = 1000;

    private final SurveyStore store;
    private final SurveyDefinitions definitions;
    private final AgentService agents;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    SurveyImport(SurveyStore store, SurveyDefinitions definitions, AgentService agents, ScoringSettingsService settings,
                 Messages messages, Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.agents = agents;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Imports a file of responses for the viewer (administrators: any interaction; supervisors: their teams'
     * agents'; HR and agents 403). {@code defaultSource} is the source of rows without one (null: {@code default}).
     */
    public Result run(Viewer viewer, InputStream input, Charset charset, @Nullable String defaultSource) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only administrators and supervisors import survey responses");
        }
        Set<Long> allowed = viewer.isAdmin() ? null
                : agents.visibleAgents(viewer).stream().map(Agent::id).collect(Collectors.toSet());
        Reader reader = new InputStreamReader(Objects.requireNonNull(input, "input"), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        String source = defaultSource == null || defaultSource.isBlank() ? InteractionCsvReader.DEFAULT_SOURCE : defaultSource.strip();
        oneAtATime.lock();
        try {
            return new Run(allowed, charset, source, settings.current().settings().orgZone(), definitions.current()).read(reader);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The answer of the API and the page: the errors told in {@code locale}, in line order. */
    public ImportSummary summary(Result r, Locale locale) {
        List<ImportSummary.LineError> errors = r.errors().stream()
                .map(e -> new ImportSummary.LineError(e.line(), text(e, locale))).toList();
        return new ImportSummary(r.received(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), errors);
    }

    /** A rejected row's reason in {@code locale}: its problems, each "column: reason", one after the other. */
    public String text(RowError e, Locale locale) {
        return e.problems().stream().map(p -> text(p, locale)).collect(Collectors.joining(messages.get(locale, "import.row.and")));
    }

    private String text(Problem p, Locale locale) {
        Object[] args = p.args().stream().map(a -> a instanceof Problem detail ? text(detail, locale) : a).toArray();
        String reason = messages.get(locale, p.key(), args);
        return p.field() == null ? reason : messages.get(locale, "import.row.field", p.field(), reason);
    }

    // ------------------------------------------------------------------------------------------

    /** A row read without problems of its own, waiting for its batch: its interaction is looked up then. */
    private record Pending(int line, String source, String externalId, Map<String, Integer> answers,
                           @Nullable String remark, @Nullable Instant answeredAt, List<Problem> problems) {
        String key() {
            return source + '\u0000' + externalId;
        }
    }

    /** One import: the header's columns, the batch being filled and the counts. */
    private final class Run {
        private final Set<Long> allowed;
        private final String charsetName;
        private final String defaultSource;
        private final ZoneId zone;
        private final SurveyDefinitions.Current survey;
        private final List<String> codes;
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<Pending> batch = new ArrayList<>();
        private final Set<String> batchKeys = new HashSet<>();
        private final List<RowError> errors = new ArrayList<>();
        private long rejected;

        /** Counts a rejected row and keeps its reasons while fewer than {@value #KEPT_ERRORS} are kept. */
        private void reject(RowError e) {
            rejected++;
            if (errors.size() < KEPT_ERRORS) {
                errors.add(e);
            }
        }
        private final Instant now;
        private long importId;
        private long received, inserted, updated, unchanged;

        Run(@Nullable Set<Long> allowed, Charset charset, String defaultSource, ZoneId zone, SurveyDefinitions.Current survey) {
            this.allowed = allowed;
            this.charsetName = charset.name();
            this.defaultSource = defaultSource;
            this.zone = zone;
            this.survey = survey;
            this.codes = survey.definition().codes();
            this.now = clock.instant();
        }

        Result read(Reader input) {
            CsvSeparator sniffed = CsvSeparator.sniff(input);
            try (CsvRecordReader csv = new CsvRecordReader(sniffed.reader(), CsvRecordReader.DEFAULT_MAX_RECORD_CHARS,
                    sniffed.separator())) {
                List<Problem> header = header(csv);
                if (!header.isEmpty()) {
                    return new Result(true, 0, 0, 0, 0, 0, List.of(new RowError(1, header)));
                }
                importId = store.nextImportId();
                while (csv.next()) {
                    received++;
                    row(csv);
                }
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            errors.sort(Comparator.comparingInt(RowError::line));
            return new Result(false, received, inserted, updated, unchanged, rejected, List.copyOf(errors));
        }

        /** Reads the header; returns its problems (none: usable). */
        private List<Problem> header(CsvRecordReader csv) throws IOException {
            List<Problem> problems = new ArrayList<>();
            String required = String.join(", ", REQUIRED);
            if (!csv.next()) {
                problems.add(Problem.of(null, "survey.import.header.empty", required, String.join(", ", codes)));
                return problems;
            }
            if (csv.error() != null) {
                problems.add(Problem.of(null, "survey.import.header.csv", csvDetail(csv.error())));
                return problems;
            }
            Set<String> known = new HashSet<>(List.of(EXTERNAL_ID, SOURCE, REMARK, ANSWERED_AT));
            known.addAll(codes);
            List<String> duplicates = new ArrayList<>();
            for (int i = 0; i < csv.size(); i++) {
                String name = csv.get(i).strip();
                names.add(name);
                String column = name.toLowerCase(Locale.ROOT);
                if (!known.contains(column)) {
                    continue;
                }
                if (columns.putIfAbsent(column, i) != null && !duplicates.contains(column)) {
                    duplicates.add(column);
                }
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(Problem.of(null, "survey.import.header.missing", String.join(", ", missing), required));
            }
            if (codes.stream().noneMatch(columns::containsKey)) {
                problems.add(Problem.of(null, "survey.import.header.noDimension", String.join(", ", codes)));
            }
            if (!duplicates.isEmpty()) {
                problems.add(Problem.of(null, "survey.import.header.duplicate", String.join(", ", duplicates)));
            }
            return problems;
        }

        private void row(CsvRecordReader csv) {
            int line = csv.line();
            if (csv.error() != null) {
                reject(new RowError(line, List.of(Problem.of(fieldName(csv.errorField()), "import.row.csv",
                        csvDetail(csv.error())))));
                return;
            }
            if (csv.size() != names.size()) {
                reject(new RowError(line, List.of(Problem.of(null, "import.row.fieldCount", csv.size(),
                        String.valueOf(names.size())))));
                return;
            }
            List<Problem> problems = new ArrayList<>();
            String externalId = identifier(csv, EXTERNAL_ID, true, problems);
            String source = identifier(csv, SOURCE, false, problems);
            Map<String, Integer> answers = new LinkedHashMap<>();
            boolean badScore = false;
            for (String code : codes) {
                String s = value(csv, code, problems);
                if (s == null) {
                    continue;
                }
                if (s == UNDECODABLE) {
                    badScore = true;
                    continue;
                }
                Integer score = score(code, s, problems);
                if (score == null) {
                    badScore = true;
                } else {
                    answers.put(code, score);
                }
            }
            if (answers.isEmpty() && !badScore) {
                problems.add(Problem.of(null, "survey.import.row.noAnswer", String.join(", ",
                        codes.stream().filter(columns::containsKey).toList())));
            }
            String remark = remark(csv, problems);
            Instant answeredAt = time(csv, problems);
            if (externalId == null || externalId == UNDECODABLE || source == UNDECODABLE) {
                reject(new RowError(line, problems));
                return;
            }
            Pending p = new Pending(line, source == null ? defaultSource : source, externalId, answers, remark, answeredAt,
                    problems);
            if (problems.isEmpty() && !batchKeys.add(p.key())) {
                // the same response again within the file: a re-import of the earlier row, stored after it
                flush();
                batchKeys.add(p.key());
            }
            batch.add(p);
            if (batch.size() >= BATCH_ROWS) {
                flush();
            }
        }

        /** Looks up the batch's interactions, rejects the rows they reject and stores the others. */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, String[]> keys = new LinkedHashMap<>();
            batch.forEach(p -> keys.putIfAbsent(p.key(), new String[]{p.source(), p.externalId()}));
            Map<String, SurveyStore.Target> targets = store.targets(keys.values());
            List<SurveyStore.Response> responses = new ArrayList<>();
            for (Pending p : batch) {
                List<Problem> problems = new ArrayList<>(p.problems());
                SurveyStore.Target t = targets.get(p.key());
                if (t == null) {
                    problems.add(Problem.of(null, "survey.import.row.unknownInteraction", shorten(p.source()),
                            shorten(p.externalId())));
                } else if (allowed != null && !allowed.contains(t.agentId())) {
                    problems.add(Problem.of(null, "survey.import.row.notYourTeams", shorten(p.externalId()),
                            shorten(p.source())));
                }
                if (!problems.isEmpty()) {
                    reject(new RowError(p.line(), problems));
                    continue;
                }
                boolean complete = p.answers().keySet().containsAll(codes);
                responses.add(new SurveyStore.Response(t, p.source(), survey.version(), p.answers(), p.remark(), complete,
                        p.answeredAt()));
            }
            batch.clear();
            batchKeys.clear();
            if (responses.isEmpty()) {
                return;
            }
            for (String outcome : store.storeResponses(responses, importId, now).values()) {
                switch (outcome) {
                    case "inserted" -> inserted++;
                    case "updated" -> updated++;
                    default -> unchanged++;
                }
            }
        }

        // ---------------------------------------------------------------------------------- values

        /** Trimmed value of a column; null when the column is absent or the value empty; UNDECODABLE when mangled. */
        @Nullable
        private String value(CsvRecordReader csv, String column, List<Problem> problems) {
            Integer position = columns.get(column);
            if (position == null) {
                return null;
            }
            String s = csv.get(position).strip();
            if (s.isEmpty()) {
                return null;
            }
            if (s.indexOf('\uFFFD') >= 0) {
                problems.add(StandardCharsets.UTF_8.name().equals(charsetName) ? Problem.of(column, "import.row.gbk")
                        : Problem.of(column, "import.row.undecodable", charsetName));
                return UNDECODABLE;
            }
            return s;
        }

        @Nullable
        private String identifier(CsvRecordReader csv, String column, boolean required, List<Problem> problems) {
            String s = value(csv, column, problems);
            if (s == null) {
                if (required) {
                    problems.add(Problem.of(column, "import.row.required"));
                }
                return null;
            }
            if (s == UNDECODABLE) {
                return s;
            }
            int n = s.codePointCount(0, s.length());
            if (n > InteractionCsvReader.MAX_ID_CHARS) {
                problems.add(Problem.of(column, "import.row.tooLong", String.valueOf(n),
                        String.valueOf(InteractionCsvReader.MAX_ID_CHARS)));
                return UNDECODABLE;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isISOControl(c)) {
                    problems.add(Problem.of(column, "import.row.control", String.format("U+%04X", (int) c),
                            String.valueOf(i + 1)));
                    return UNDECODABLE;
                }
            }
            return s;
        }

        @Nullable
        private Integer score(String code, String s, List<Problem> problems) {
            if (!s.matches("[+-]?\\d+")) {
                problems.add(Problem.of(code, "import.row.notWhole", shorten(s)));
                return null;
            }
            String digits = s.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
            boolean negative = s.startsWith("-");
            int v = digits.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (negative || v < 1 || v > 10) {
                problems.add(Problem.of(code, "import.row.outside", shorten(s), "10"));
                return null;
            }
            return v;
        }

        @Nullable
        private String remark(CsvRecordReader csv, List<Problem> problems) {
            String s = value(csv, REMARK, problems);
            if (s == null || s == UNDECODABLE) {
                return null;
            }
            int n = s.codePointCount(0, s.length());
            if (n > SurveyLinks.MAX_REMARK) {
                problems.add(Problem.of(REMARK, "import.row.tooLong", String.valueOf(n), String.valueOf(SurveyLinks.MAX_REMARK)));
                return null;
            }
            return s;
        }

        @Nullable
        private Instant time(CsvRecordReader csv, List<Problem> problems) {
            String s = value(csv, ANSWERED_AT, problems);
            if (s == null) {
                problems.add(Problem.of(ANSWERED_AT, "import.row.required"));
                return null;
            }
            if (s == UNDECODABLE) {
                return null;
            }
            Object parsed = parseTime(s, zone);
            if (parsed instanceof Instant t) {
                return t;
            }
            problems.add((Problem) parsed);
            return null;
        }

        private String fieldName(int position) {
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                if (e.getValue() == position) {
                    return e.getKey();
                }
            }
            if (position >= 0 && position < names.size() && !names.get(position).isEmpty()) {
                return names.get(position);
            }
            return "field " + (position + 1);
        }
    }

    /** Marker of a value already reported as undecodable or unusable; compared by identity. */
    private static final String UNDECODABLE = new String("\uFFFD");

    /**
     * Parses a timestamp as metrics.md "Interactions" says (the interaction import's rules: {@code T} and {@code Z}
     * upper-case, 1-9 digits of fraction, offsets up to +/-18:00, years {@value InteractionCsvReader#MIN_YEAR} to
     * {@value InteractionCsvReader#MAX_YEAR}; a local time in the organization's zone, moved forward in a gap and
     * taken at the earlier offset in an overlap). Returns the instant, or the problem of {@code answered_at}.
     */
    static Object parseTime(String s, ZoneId zone) {
        Matcher m = TIME.matcher(s);
        String shown = shorten(s);
        if (!m.matches()) {
            String hint = null;
            int n = s.length();
            if (DATE.matcher(s).matches()) {
                if (n == 10) {
                    hint = "import.row.time.dateAlone";
                } else if (s.charAt(10) == ' ') {
                    hint = "import.row.time.space";
                } else if (s.charAt(10) == 't') {
                    hint = "import.row.time.lowerT";
                } else if (s.charAt(10) == 'T' && (n == 16 || n > 16 && s.charAt(16) != ':')) {
                    hint = "import.row.time.seconds";
                }
            }
            return hint == null ? Problem.of(ANSWERED_AT, "import.row.notIso", shown, InteractionCsvReader.TIMESTAMP_FORMAT)
                    : Problem.of(ANSWERED_AT, "import.row.notIsoHint", shown, InteractionCsvReader.TIMESTAMP_FORMAT,
                            Problem.of(null, hint));
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        Problem invalid = null;
        String offset = m.group(8);
        if (offset != null && !offset.equals("Z")) {
            int oh = Integer.parseInt(offset.substring(1, 3));
            int om = Integer.parseInt(offset.substring(4, 6));
            if (om > 59 || oh * 3600 + om * 60 > 18 * 3600) {
                invalid = Problem.of(null, "import.row.time.offset", offset);
            }
        }
        if (invalid != null) {
            // reported first, as the interaction import does
        } else if (year < InteractionCsvReader.MIN_YEAR) {
            invalid = Problem.of(null, "import.row.time.yearBefore", m.group(1), String.valueOf(InteractionCsvReader.MIN_YEAR));
        } else if (year > InteractionCsvReader.MAX_YEAR) {
            invalid = Problem.of(null, "import.row.time.yearAfter", m.group(1), String.valueOf(InteractionCsvReader.MAX_YEAR));
        } else if (month < 1 || month > 12) {
            invalid = Problem.of(null, "import.row.time.month", m.group(2));
        } else if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            invalid = Problem.of(null, "import.row.time.day", m.group(3), s.substring(0, 7));
        } else if (hour > 23) {
            invalid = Problem.of(null, "import.row.time.hour", m.group(4));
        } else if (minute > 59) {
            invalid = Problem.of(null, "import.row.time.minute", m.group(5));
        } else if (second > 59) {
            invalid = Problem.of(null, "import.row.time.second", m.group(6));
        }
        if (invalid != null) {
            return Problem.of(ANSWERED_AT, "import.row.invalidTime", shown, invalid);
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        if (offset == null) {
            return ZonedDateTime.of(local, zone).toInstant();
        }
        return local.toInstant(offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset));
    }

    /** The CSV reader's reason as a detail to tell (its known shapes; another one as it is). */
    private static Object csvDetail(String error) {
        Matcher tooLong = CSV_TOO_LONG.matcher(error);
        if (tooLong.matches()) {
            return Problem.of(null, "import.row.csv.tooLong", tooLong.group(1));
        }
        if (error.startsWith("unterminated quoted field")) {
            return Problem.of(null, "import.row.csv.unterminated");
        }
        if (error.startsWith("text after the closing quote")) {
            return Problem.of(null, "import.row.csv.afterQuote");
        }
        return error;
    }

    /** A value for a message, shortened when long. */
    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
