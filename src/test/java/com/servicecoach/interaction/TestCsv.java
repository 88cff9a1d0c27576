package com.servicecoach.interaction;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Shared helpers for the interaction CSV tests. */
final class TestCsv {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String HEADER =
            "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment";

    /** Accepts every employee number except those starting with "X". */
    static final Function<String, String> AGENTS =
            no -> no.startsWith("X") ? "agent: unknown employee number '" + no + "'" : null;

    private TestCsv() {
    }

    static List<RowResult> read(String text) {
        return read(text, SHANGHAI);
    }

    static List<RowResult> read(String text, ZoneId zone) {
        List<RowResult> out = new ArrayList<>();
        try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(text), zone, AGENTS)) {
            r.forEach(out::add);
        }
        return out;
    }

    /** The single result of a file made of {@link #HEADER} and one row. */
    static RowResult one(String row) {
        List<RowResult> all = read(HEADER + "\n" + row + "\n");
        if (all.size() != 1) {
            throw new AssertionError("expected one result, got " + all);
        }
        return all.get(0);
    }

    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final List<String> DEFAULTS = List.of("T-1", "A001", "chat", "logistics",
            "2026-03-02T09:15:00", "2026-03-02T09:16:00", "2026-03-02T10:00:00", "9", "10", "fine");

    /** A data row for {@link #HEADER}: valid defaults, with (column, value) pairs overriding them. */
    static String row(String... overrides) {
        List<String> values = new ArrayList<>(DEFAULTS);
        for (int i = 0; i < overrides.length; i += 2) {
            int at = COLUMNS.indexOf(overrides[i]);
            if (at < 0) {
                throw new IllegalArgumentException(overrides[i]);
            }
            values.set(at, overrides[i + 1]);
        }
        List<String> cells = new ArrayList<>();
        for (String v : values) {
            cells.add(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", cells);
    }

    static InteractionRow ok(String row) {
        RowResult r = one(row);
        return assertInstanceOf(InteractionRow.class, r, () -> "expected a valid row: " + r);
    }

    static RowError error(String row) {
        RowResult r = one(row);
        return assertInstanceOf(RowError.class, r, () -> "expected an error: " + r);
    }
}
