package com.servicecoach.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a helpdesk's export becomes ServiceCoach's interaction columns before metrics.md's rules apply: which of the
 * file's columns holds each field, fixed values for fields the file lacks, value maps (a helpdesk's channel or
 * category or rating words to ServiceCoach's codes), the time format and zone of timestamps without an offset, the
 * line the header is on, and the first words of trailing lines that are no rows (a report's footer).
 *
 * <p>{@code first_response_minutes} and {@code resolution_minutes} are elapsed minutes from created_at, turned into
 * the timestamps (a helpdesk's own business-hours durations are not used: the channel's calendar measures).
 *
 * @param format the published export format a preset follows (documentation or code it was built from)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportMapping(String name, @Nullable String format, @Nullable Integer headerLine, Map<String, String> columns,
                            @Nullable Map<String, String> constants, @Nullable Map<String, Map<String, String>> values,
                            @Nullable String timeFormat, @Nullable String timeZone, @Nullable List<String> skipRowsStartingWith) {

    public static final String FIRST_RESPONSE_MINUTES = "first_response_minutes";
    public static final String RESOLUTION_MINUTES = "resolution_minutes";
    /** The fields a column may be mapped to. */
    public static final List<String> FIELDS;
    /** The fields that may have a value map. */
    public static final Set<String> MAPPED_VALUES = Set.of(ImportHeader.CHANNEL, ImportHeader.CATEGORY, ImportHeader.RATING,
            ImportHeader.PRIORITY);
    private static final Set<String> TIMES = Set.of(ImportHeader.CREATED_AT, ImportHeader.FIRST_RESPONSE_AT, ImportHeader.RESOLVED_AT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    static final int MAX_HEADER_LINE = 20;

    static {
        List<String> fields = new ArrayList<>(ImportHeader.COLUMNS);
        fields.add(FIRST_RESPONSE_MINUTES);
        fields.add(RESOLUTION_MINUTES);
        FIELDS = List.copyOf(fields);
    }

    public int headerLineOrFirst() {
        return headerLine == null ? 1 : headerLine;
    }

    public Map<String, String> constantsOrNone() {
        return constants == null ? Map.of() : constants;
    }

    public Map<String, Map<String, String>> valuesOrNone() {
        return values == null ? Map.of() : values;
    }

    public List<String> skipsOrNone() {
        return skipRowsStartingWith == null ? List.of() : skipRowsStartingWith;
    }

    /** The formatter of {@link #timeFormat}, or null for metrics.md's ISO-8601 timestamps. */
    @Nullable
    public DateTimeFormatter formatter() {
        return timeFormat == null || timeFormat.isBlank() ? null : DateTimeFormatter.ofPattern(timeFormat.strip(), Locale.ROOT);
    }

    /** The zone of timestamps without an offset, or null for the organization's zone. */
    @Nullable
    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
    }

    /** Every problem of the mapping, with the JSON path of its field (e.g. {@code columns.created_at}). */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            errors.add(FieldError.of("name", "mapping.error.name"));
        }
        if (headerLine != null && (headerLine < 1 || headerLine > MAX_HEADER_LINE)) {
            errors.add(FieldError.of("headerLine", "mapping.error.headerLine", MAX_HEADER_LINE));
        }
        Map<String, String> cols = columns == null ? Map.of() : columns;
        cols.forEach((field, column) -> {
            if (!FIELDS.contains(field)) {
                errors.add(FieldError.of("columns." + field, "mapping.error.field", String.join(", ", FIELDS)));
            } else if (column == null || column.isBlank()) {
                errors.add(FieldError.of("columns." + field, "mapping.error.column"));
            }
        });
        constantsOrNone().forEach((field, value) -> {
            if (!ImportHeader.COLUMNS.contains(field) || TIMES.contains(field)) {
                errors.add(FieldError.of("constants." + field, "mapping.error.constant"));
            }
        });
        for (String required : List.of(ImportHeader.EXTERNAL_ID, ImportHeader.AGENT, ImportHeader.CREATED_AT)) {
            if (!cols.containsKey(required)) {
                errors.add(FieldError.of("columns." + required, "mapping.error.required"));
            }
        }
        if (!cols.containsKey(ImportHeader.CHANNEL) && !constantsOrNone().containsKey(ImportHeader.CHANNEL)) {
            errors.add(FieldError.of("columns.channel", "mapping.error.channel"));
        }
        if (cols.containsKey(ImportHeader.FIRST_RESPONSE_AT) && cols.containsKey(FIRST_RESPONSE_MINUTES)
                || cols.containsKey(ImportHeader.RESOLVED_AT) && cols.containsKey(RESOLUTION_MINUTES)) {
            errors.add(FieldError.of("columns", "mapping.error.timeOrMinutes"));
        }
        valuesOrNone().keySet().forEach(field -> {
            if (!MAPPED_VALUES.contains(field)) {
                errors.add(FieldError.of("values." + field, "mapping.error.values"));
            }
        });
        try {
            formatter();
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("timeFormat", "mapping.error.timeFormat", e.getMessage()));
        }
        try {
            zone();
        } catch (DateTimeException e) {
            errors.add(FieldError.of("timeZone", "mapping.error.timeZone"));
        }
        return errors;
    }
}
