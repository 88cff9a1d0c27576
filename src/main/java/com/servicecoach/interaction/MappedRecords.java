package com.servicecoach.interaction;

import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.csv.CsvRecords;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A helpdesk's export read through an {@link ImportMapping}: each record comes out with ServiceCoach's interaction
 * columns ({@link ImportHeader#COLUMNS}, in that order) holding values in metrics.md's form (timestamps as UTC
 * ISO-8601, channel and category codes, ratings, agents by employee number), so that the interaction import's rules
 * and line numbers apply unchanged. A value the mapping cannot convert is left for the import to reject with the
 * mapping's reason ({@link #problem}); a rejected row is given back as the file holds it ({@link #fields}).
 */
final class MappedRecords implements CsvRecords {

    private final CsvRecords in;
    private final ImportMapping mapping;
    private final ZoneId zone;
    private final Function<String, String> agentOf;
    @Nullable
    private final DateTimeFormatter formatter;
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final int[] position = new int[ImportHeader.COLUMNS.size()];
    private int frtMinutes = -1;
    private int resolutionMinutes = -1;
    private int fileColumns;
    private boolean headerRead;
    private boolean atHeader;
    private final String[] out = new String[ImportHeader.COLUMNS.size()];
    private final String[] problems = new String[ImportHeader.COLUMNS.size()];

    /**
     * @param zone    the zone of timestamps without an offset when the mapping names none (the organization's)
     * @param agentOf the employee number of an agent as the file names them (employee number, helpdesk user id or
     *                email), or null when no agent matches
     */
    MappedRecords(CsvRecords in, ImportMapping mapping, ZoneId zone, Function<String, String> agentOf) {
        this.in = in;
        this.mapping = mapping;
        this.zone = mapping.zone() != null ? mapping.zone() : zone;
        this.agentOf = agentOf;
        this.formatter = mapping.formatter();
        mapping.valuesOrNone().forEach((field, map) -> {
            Map<String, String> lower = new HashMap<>();
            map.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip()));
            values.put(field, lower);
        });
        java.util.Arrays.fill(position, -1);
    }

    @Override
    public boolean next() throws IOException {
        if (!headerRead) {
            headerRead = true;
            atHeader = header();
            return atHeader;
        }
        atHeader = false;
        while (in.next()) {
            if (in.error() == null && skipped()) {
                continue;
            }
            convert();
            return true;
        }
        return false;
    }

    /** Reads up to the mapping's header line and finds its columns; the record returned is ServiceCoach's header. */
    private boolean header() throws IOException {
        do {
            if (!in.next()) {
                return false;
            }
        } while (in.line() < mapping.headerLineOrFirst());
        if (in.error() != null) {
            throw new CsvHeaderException(in.line(), "header is not valid CSV: " + in.error());
        }
        List<String> names = in.fields();
        fileColumns = names.size();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            byName.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, column) -> {
            Integer at = byName.get(column.strip().toLowerCase(Locale.ROOT));
            if (at == null) {
                missing.add("\"" + column + "\" (" + field + ")");
            } else if (field.equals(ImportMapping.FIRST_RESPONSE_MINUTES)) {
                frtMinutes = at;
            } else if (field.equals(ImportMapping.RESOLUTION_MINUTES)) {
                resolutionMinutes = at;
            } else {
                position[ImportHeader.COLUMNS.indexOf(field)] = at;
            }
        });
        if (!missing.isEmpty()) {
            java.util.Collections.sort(missing);
            throw new CsvHeaderException(in.line(), "the mapping \"" + mapping.name() + "\" expects the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ", which the file's header (line "
                    + in.line() + ") lacks");
        }
        for (int o = 0; o < out.length; o++) {
            out[o] = ImportHeader.COLUMNS.get(o);
            problems[o] = null;
        }
        return true;
    }

    /** A line that is no row: a spreadsheet's empty row, or a report's footer known by its first words. */
    private boolean skipped() {
        if (in.fields().stream().allMatch(String::isBlank)) {
            return true; // an empty row as a spreadsheet saves it (only separators)
        }
        String first = in.get(0).strip();
        for (String prefix : mapping.skipsOrNone()) {
            if (!prefix.isEmpty() && first.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void convert() {
        java.util.Arrays.fill(problems, null);
        for (int o = 0; o < out.length; o++) {
            String field = ImportHeader.COLUMNS.get(o);
            String v = cell(position[o]);
            if (v.isEmpty()) {
                v = mapping.constantsOrNone().getOrDefault(field, "").strip();
            }
            Map<String, String> map = values.get(field);
            if (map != null && !v.isEmpty()) {
                v = mapped(map, v, field.equals(ImportHeader.CATEGORY));
            }
            out[o] = v;
        }
        for (int person : new int[]{ImportHeader.I_AGENT, ImportHeader.I_OWNER}) {
            if (!out[person].isEmpty()) {
                String no = agentOf.apply(out[person]);
                if (no != null) {
                    out[person] = no;
                }
            }
        }
        Instant created = time(ImportHeader.I_CREATED_AT);
        time(ImportHeader.I_FIRST_RESPONSE_AT);
        time(ImportHeader.I_RESOLVED_AT);
        minutes(frtMinutes, ImportHeader.I_FIRST_RESPONSE_AT, ImportMapping.FIRST_RESPONSE_MINUTES, created);
        minutes(resolutionMinutes, ImportHeader.I_RESOLVED_AT, ImportMapping.RESOLUTION_MINUTES, created);
    }

    private String cell(int at) {
        return at < 0 || at >= in.size() ? "" : in.get(at).strip();
    }

    /**
     * A value through its map (case and surrounding spaces ignored). A category is also looked for among a cell's tags
     * (separated by commas, semicolons, bars or spaces; the first that maps wins), and a cell none of whose tags maps is
     * {@code other}: tags say more than a category, and most are not one. Other unmapped values stay as they are, for
     * the import to judge.
     */
    private static String mapped(Map<String, String> map, String v, boolean tags) {
        String hit = map.get(v.toLowerCase(Locale.ROOT));
        if (hit != null) {
            return hit;
        }
        if (tags) {
            for (String tag : v.split("[,;|\\s]+")) {
                String t = map.get(tag.strip().toLowerCase(Locale.ROOT));
                if (t != null) {
                    return t;
                }
            }
            return InteractionCsvReader.DEFAULT_CATEGORY;
        }
        return v;
    }

    /**
     * A timestamp in the mapping's format and zone, written as a UTC instant; with no format of its own the value is
     * left to metrics.md's rules (in the mapping's zone when it names one).
     */
    @Nullable
    private Instant time(int o) {
        String v = out[o];
        if (v.isEmpty()) {
            return null;
        }
        DateTimeFormatter f = formatter != null ? formatter : mapping.zone() != null ? DateTimeFormatter.ISO_DATE_TIME : null;
        if (f == null) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                return null; // the import's own rules judge it
            }
        }
        try {
            TemporalAccessor t = f.parseBest(v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = t instanceof ZonedDateTime z ? z.toInstant() : t instanceof OffsetDateTime od ? od.toInstant()
                    : ((LocalDateTime) t).atZone(zone).toInstant();
            out[o] = instant.toString();
            return instant;
        } catch (DateTimeException e) {
            problems[o] = ImportHeader.COLUMNS.get(o) + ": \"" + v + "\" does not match the time format \""
                    + (formatter != null ? mapping.timeFormat() : "ISO-8601") + "\" of the mapping \"" + mapping.name() + "\"";
            return null;
        }
    }

    /** Elapsed minutes from created_at (a decimal number, 0 or more) as the timestamp of field {@code o}. */
    private void minutes(int column, int o, String field, @Nullable Instant created) {
        String v = cell(column);
        if (column < 0 || v.isEmpty()) {
            return;
        }
        try {
            BigDecimal minutes = new BigDecimal(v.replace(',', '.'));
            if (minutes.signum() < 0) {
                problems[o] = field + ": \"" + v + "\" is negative";
                return;
            }
            if (created != null) {
                BigDecimal nanos = minutes.multiply(BigDecimal.valueOf(60_000_000_000L)).setScale(0, java.math.RoundingMode.DOWN);
                out[o] = created.plusNanos(nanos.longValueExact()).toString();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            problems[o] = field + ": \"" + v + "\" is not a number of minutes";
        }
    }

    /** Why field {@code ordinal} of the current record could not be converted, or null. */
    @Nullable
    String problem(int ordinal) {
        return ordinal < 0 || ordinal >= problems.length ? null : problems[ordinal];
    }

    /** The number of columns of the file's own header, and of the current record as the file holds it. */
    int fileColumns() {
        return fileColumns;
    }

    int fileSize() {
        return in.size();
    }

    @Override
    public int line() {
        return in.line();
    }

    @Override
    public int size() {
        return out.length;
    }

    @Override
    public String get(int i) {
        return out[i];
    }

    @Override
    public List<String> fields() {
        return atHeader ? List.of(out) : in.fields();
    }

    @Override
    public String error() {
        return in.error();
    }

    @Override
    public int errorField() {
        int raw = in.errorField();
        for (int o = 0; o < position.length; o++) {
            if (position[o] == raw && raw >= 0) {
                return o;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
