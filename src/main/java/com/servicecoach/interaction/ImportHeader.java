package com.servicecoach.interaction;

import com.servicecoach.csv.CsvHeaderException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The header row of an interaction file: which known column sits at which position.
 * Names are trimmed and matched case-insensitively; columns may come in any order; unknown (and empty)
 * column names are ignored. A known column named twice is an error, as is a missing required column.
 */
public final class ImportHeader {

    public static final String SOURCE = "source";
    public static final String EXTERNAL_ID = "external_id";
    public static final String AGENT = "agent";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String CREATED_AT = "created_at";
    public static final String FIRST_RESPONSE_AT = "first_response_at";
    public static final String RESOLVED_AT = "resolved_at";
    public static final String RATING = "rating";
    public static final String RATING_SCALE = "rating_scale";
    public static final String COMMENT = "comment";
    public static final String PRIORITY = "priority";
    public static final String OWNER = "owner";
    public static final String REOPENED = "reopened";
    public static final String TRANSCRIPT = "transcript";

    /** Every known column, in the order problems are reported. */
    public static final List<String> COLUMNS = List.of(EXTERNAL_ID, SOURCE, AGENT, CHANNEL, CATEGORY,
            CREATED_AT, FIRST_RESPONSE_AT, RESOLVED_AT, RATING, RATING_SCALE, COMMENT, PRIORITY, OWNER, REOPENED, TRANSCRIPT);

    /** The columns a header must contain. */
    public static final List<String> REQUIRED = List.of(EXTERNAL_ID, AGENT, CHANNEL, CREATED_AT);

    // ordinals into COLUMNS, used by the reader
    static final int I_EXTERNAL_ID = 0;
    static final int I_SOURCE = 1;
    static final int I_AGENT = 2;
    static final int I_CHANNEL = 3;
    static final int I_CATEGORY = 4;
    static final int I_CREATED_AT = 5;
    static final int I_FIRST_RESPONSE_AT = 6;
    static final int I_RESOLVED_AT = 7;
    static final int I_RATING = 8;
    static final int I_RATING_SCALE = 9;
    static final int I_COMMENT = 10;
    static final int I_PRIORITY = 11;
    static final int I_OWNER = 12;
    static final int I_REOPENED = 13;
    static final int I_TRANSCRIPT = 14;

    private final List<String> names;
    private final int[] positions; // by column ordinal; -1 when absent
    private final List<String> ignored;

    private ImportHeader(List<String> names, int[] positions, List<String> ignored) {
        this.names = names;
        this.positions = positions;
        this.ignored = ignored;
    }

    /**
     * Interprets the raw header fields.
     *
     * @throws CsvHeaderException (line 1) naming the missing required columns, or a duplicated column
     */
    public static ImportHeader of(List<String> rawNames) {
        List<String> names = new ArrayList<>(rawNames.size());
        List<String> ignored = new ArrayList<>();
        int[] positions = new int[COLUMNS.size()];
        java.util.Arrays.fill(positions, -1);
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < rawNames.size(); i++) {
            String name = rawNames.get(i).strip();
            names.add(name);
            int ordinal = COLUMNS.indexOf(name.toLowerCase(Locale.ROOT));
            if (ordinal < 0) {
                if (!name.isEmpty()) {
                    ignored.add(name);
                }
            } else if (positions[ordinal] >= 0) {
                if (!duplicates.contains(COLUMNS.get(ordinal))) {
                    duplicates.add(COLUMNS.get(ordinal));
                }
            } else {
                positions[ordinal] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED) {
            if (positions[COLUMNS.indexOf(required)] < 0) {
                missing.add(required);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("header lacks required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (required: " + String.join(", ", REQUIRED) + ")");
        }
        if (!duplicates.isEmpty()) {
            problems.add("header names column" + (duplicates.size() > 1 ? "s " : " ")
                    + String.join(", ", duplicates) + " more than once");
        }
        if (!problems.isEmpty()) {
            throw new CsvHeaderException(1, String.join("; ", problems));
        }
        return new ImportHeader(Collections.unmodifiableList(names), positions,
                Collections.unmodifiableList(ignored));
    }

    /** The header's column names, trimmed, in file order. */
    public List<String> names() {
        return names;
    }

    /** Number of columns in the header (every data row must have this many fields). */
    public int size() {
        return names.size();
    }

    /** Position (0-based) of a known column, matched case-insensitively, or -1 when absent or unknown. */
    public int indexOf(String column) {
        int ordinal = COLUMNS.indexOf(column.strip().toLowerCase(Locale.ROOT));
        return ordinal < 0 ? -1 : positions[ordinal];
    }

    /** Whether the header contains the known column. */
    public boolean has(String column) {
        return indexOf(column) >= 0;
    }

    /** Non-empty header names that are not known columns (ignored on import), in file order. */
    public List<String> ignoredColumns() {
        return ignored;
    }

    int position(int ordinal) {
        return positions[ordinal];
    }

    /** Name of the field at a position: the known column's canonical name, else the header's text. */
    String fieldName(int position) {
        for (int o = 0; o < positions.length; o++) {
            if (positions[o] == position) {
                return COLUMNS.get(o);
            }
        }
        if (position >= 0 && position < names.size() && !names.get(position).isEmpty()) {
            return names.get(position);
        }
        return "field " + (position + 1);
    }
}
