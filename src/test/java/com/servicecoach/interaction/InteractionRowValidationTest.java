package com.servicecoach.interaction;

import static com.servicecoach.interaction.TestCsv.error;
import static com.servicecoach.interaction.TestCsv.ok;
import static com.servicecoach.interaction.TestCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class InteractionRowValidationTest {

    static Stream<Arguments> badRows() {
        return Stream.of(
                // required fields
                Arguments.of("missing external_id", row("external_id", ""), "external_id", "required"),
                Arguments.of("blank agent", row("agent", "   "), "agent", "required"),
                Arguments.of("missing channel", row("channel", ""), "channel", "required"),
                Arguments.of("missing created_at", row("created_at", ""), "created_at", "required"),
                // timestamps
                Arguments.of("date only", row("created_at", "2026-03-02"), "created_at",
                        "'2026-03-02' is not an ISO-8601 date-time (YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM])"),
                Arguments.of("space instead of T", row("created_at", "2026-03-02 09:15"), "created_at",
                        "'2026-03-02 09:15' is not an ISO-8601 date-time (YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM])"),
                Arguments.of("space instead of T with seconds", row("first_response_at", "2026-03-02 09:16:00"),
                        "first_response_at", "space instead of 'T'"),
                Arguments.of("no seconds", row("created_at", "2026-03-02T09:15"), "created_at", "seconds"),
                Arguments.of("offset without minutes", row("created_at", "2026-03-02T09:15:00+08"), "created_at",
                        "offset"),
                Arguments.of("offset without colon", row("resolved_at", "2026-03-02T10:00:00+0800"), "resolved_at",
                        "offset"),
                Arguments.of("offset out of range", row("created_at", "2026-03-02T09:15:00+19:00"), "created_at",
                        "offset"),
                Arguments.of("lower-case z", row("created_at", "2026-03-02T09:15:00z"), "created_at", "ISO-8601"),
                Arguments.of("slashes", row("created_at", "2026/03/02T09:15:00"), "created_at", "ISO-8601"),
                Arguments.of("empty fraction", row("created_at", "2026-03-02T09:15:00.Z"), "created_at", "ISO-8601"),
                Arguments.of("ten fraction digits", row("created_at", "2026-03-02T09:15:00.1234567890"),
                        "created_at", "fraction"),
                Arguments.of("no such day", row("created_at", "2026-02-29T09:15:00"), "created_at", "day 29"),
                Arguments.of("no such month", row("created_at", "2026-13-01T09:15:00"), "created_at", "month 13"),
                Arguments.of("hour 24", row("created_at", "2026-03-02T24:00:00"), "created_at", "hour 24"),
                Arguments.of("leap second", row("created_at", "2026-03-02T09:15:60"), "created_at", "second 60"),
                // order of events
                Arguments.of("response before created", row("first_response_at", "2026-03-02T09:14:59"),
                        "first_response_at", "before created_at"),
                Arguments.of("resolved before created", row("first_response_at", "", "resolved_at",
                        "2026-03-02T09:00:00"), "resolved_at", "before created_at"),
                Arguments.of("resolved before response", row("first_response_at", "2026-03-02T09:30:00",
                        "resolved_at", "2026-03-02T09:20:00"), "resolved_at", "before first_response_at"),
                Arguments.of("response before created across offsets", row("created_at", "2026-03-02T09:15:00+08:00",
                        "first_response_at", "2026-03-02T01:14:00Z"), "first_response_at", "before created_at"),
                // ratings
                Arguments.of("rating above 10", row("rating", "11"), "rating", "outside the 1-10 scale"),
                Arguments.of("rating zero", row("rating", "0"), "rating", "outside the 1-10 scale"),
                Arguments.of("negative rating", row("rating", "-3"), "rating", "outside the 1-10 scale"),
                Arguments.of("rating above 5 on scale 5", row("rating", "6", "rating_scale", "5"), "rating",
                        "outside the 1-5 scale"),
                Arguments.of("fractional rating", row("rating", "7.5"), "rating", "not a whole number"),
                Arguments.of("7.0 is not a whole-number literal", row("rating", "7.0"), "rating", "not a whole number"),
                Arguments.of("text rating", row("rating", "good"), "rating", "not a whole number"),
                Arguments.of("bad scale", row("rating", "4", "rating_scale", "7"), "rating_scale", "not 10 or 5"),
                Arguments.of("decimal scale", row("rating", "4", "rating_scale", "5.0"), "rating_scale", "not 10 or 5"),
                // enumerations
                Arguments.of("unknown channel", row("channel", "fax"), "channel", "'fax' is not one of"),
                Arguments.of("unknown category", row("category", "shipping"), "category", "'shipping' is not one of"),
                // agent lookup
                Arguments.of("unknown agent", row("agent", "X404"), "agent", "unknown employee number 'X404'"),
                // lengths
                Arguments.of("external_id too long", row("external_id", "E".repeat(65)), "external_id",
                        "longer than the 64 allowed"),
                Arguments.of("comment too long", row("comment", "很".repeat(2001)), "comment",
                        "longer than the 2000 allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void badRowIsRejectedAtItsLineNamingTheField(String name, String row, String field, String fragment) {
        RowError e = error(row);
        assertEquals(2, e.line());
        assertTrue(e.message().startsWith(field + ": "), e.message());
        assertTrue(e.message().contains(fragment), e.message());
        assertEquals(1, e.message().split("; ").length, e.message());
    }

    @Test
    void rowWithTooFewFieldsIsRejected() {
        RowError e = error("T-1,A001,chat");
        assertEquals(2, e.line());
        assertTrue(e.message().contains("3 fields") && e.message().contains("10 columns"), e.message());
    }

    @Test
    void rowWithTooManyFieldsIsRejected() {
        RowError e = error(row() + ",extra");
        assertTrue(e.message().contains("11 fields"), e.message());
    }

    @Test
    void malformedCsvRowNamesTheFieldWhereItBroke() {
        RowError e = error("T-1,A001,chat,logistics,2026-03-02T09:15:00,,,,,\"great\" service");
        assertEquals(2, e.line());
        assertTrue(e.message().startsWith("comment: "), e.message());
        assertTrue(e.message().contains("closing quote"), e.message());
    }

    @Test
    void rowWithSeveralProblemsGetsOneMessageNamingThemAll() {
        List<RowResult> results = TestCsv.read(TestCsv.HEADER + "\n" + row("external_id", "", "agent", "X1",
                "channel", "fax", "category", "misc", "created_at", "2026-03-02", "first_response_at",
                "2026-03-02 09:16:00", "rating", "7.5", "comment", "c".repeat(2001)) + "\n");
        assertEquals(1, results.size());
        RowError e = assertInstanceOf(RowError.class, results.get(0));
        assertEquals(2, e.line());
        List<String> parts = List.of(e.message().split("; "));
        assertEquals(8, parts.size(), e.message());
        List<String> fields = List.of("external_id", "agent", "channel", "category", "created_at",
                "first_response_at", "rating", "comment");
        for (int i = 0; i < fields.size(); i++) {
            assertTrue(parts.get(i).startsWith(fields.get(i) + ": "), parts.get(i));
        }
    }

    @Test
    void agentFunctionIsAskedWithTheTrimmedValueAndItsReasonPrefixed() {
        List<String> asked = new java.util.ArrayList<>();
        List<RowResult> results = new java.util.ArrayList<>();
        try (InteractionCsvReader r = new InteractionCsvReader(new java.io.StringReader(
                TestCsv.HEADER + "\n" + row("agent", "  B7  ") + "\n"), TestCsv.SHANGHAI,
                no -> {
                    asked.add(no);
                    return "has left the company";
                })) {
            r.forEach(results::add);
        }
        assertEquals(List.of("B7"), asked);
        assertEquals("agent: has left the company", ((RowError) results.get(0)).message());
    }

    @Test
    void validRowIsNormalised() {
        InteractionRow r = ok(row("external_id", "  T-77 ", "channel", " PHONE ", "category", "Return_Refund",
                "rating", "4", "rating_scale", "5", "comment", "  line one\nline two  "));
        assertEquals(new InteractionRow(2, "default", "T-77", "A001", "phone", "return_refund",
                Instant.parse("2026-03-02T01:15:00Z"), Instant.parse("2026-03-02T01:16:00Z"),
                Instant.parse("2026-03-02T02:00:00Z"), 8, "line one\nline two"), r);
    }

    @Test
    void emptyOptionalFieldsAreAbsentAndCategoryDefaultsToOther() {
        InteractionRow r = ok(row("category", "", "first_response_at", "", "resolved_at", " ", "rating", "",
                "rating_scale", "nonsense", "comment", ""));
        assertEquals("other", r.category());
        assertEquals(null, r.firstResponseAt());
        assertEquals(null, r.resolvedAt());
        assertEquals(null, r.rating10());
        assertEquals(null, r.comment());
    }

    @Test
    void sourceIsKeptAndLimitedTo64Characters() {
        String header = "source,external_id,agent,channel,created_at\n";
        List<RowResult> results = TestCsv.read(header + "zendesk,T-1,A001,chat,2026-03-02T09:15:00\n"
                + "S".repeat(65) + ",T-2,A001,chat,2026-03-02T09:15:00\n"
                + ",T-3,A001,chat,2026-03-02T09:15:00\n");
        assertEquals("zendesk", ((InteractionRow) results.get(0)).source());
        RowError e = (RowError) results.get(1);
        assertEquals(3, e.line());
        assertTrue(e.message().startsWith("source: ") && e.message().contains("64"), e.message());
        assertEquals("default", ((InteractionRow) results.get(2)).source());
    }

    @Test
    void limitsAreInclusive() {
        InteractionRow r = ok(row("external_id", "E".repeat(64), "comment", "😀".repeat(2000)));
        assertEquals(64, r.externalId().length());
        assertEquals(2000, r.comment().codePointCount(0, r.comment().length()));
    }

    @Test
    void equalTimestampsAreAllowed() {
        InteractionRow r = ok(row("first_response_at", "2026-03-02T09:15:00", "resolved_at", "2026-03-02T09:15:00"));
        assertEquals(r.createdAt(), r.resolvedAt());
    }

    @Test
    void resolvedWithoutResponseIsValid() {
        InteractionRow r = ok(row("first_response_at", ""));
        assertEquals(null, r.firstResponseAt());
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), r.resolvedAt());
    }
}
