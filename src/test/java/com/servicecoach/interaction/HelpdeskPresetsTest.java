package com.servicecoach.interaction;

import com.servicecoach.scoring.Category;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four helpdesk presets (src/main/resources/mappings) read sample files built to each helpdesk's export format
 * (src/docs/helpdesk-exports), row by row, through {@link InteractionCsvReader}.
 */
class HelpdeskPresetsTest {

    private static final ZoneId ORGANIZATION_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CHANNELS = "chat, email, phone, social";
    private static final String CATEGORIES = String.join(", ", Category.CODES);

    /** The sample agents by the names and emails the helpdesks write. */
    private static final Map<String, String> AGENTS = Map.of(
            "Zhang Min", "A001", "Min Zhang", "A001", "zhang.min@shop.example", "A001",
            "Wang Fang", "A002", "Fang Wang", "A002", "wang.fang@shop.example", "A002");
    private static final Set<String> EMPLOYEES = Set.of("A001", "A002");
    private static final Pattern EMAIL_IN_PARENTHESES = Pattern.compile("\\(([^()]+@[^()]+)\\)\\s*$");

    /** An agent by name or email, or by the email of "Name (email)" (as Chatwoot writes agents). */
    private static final Function<String, String> AGENT_OF = named -> {
        String no = AGENTS.get(named);
        if (no != null) {
            return no;
        }
        Matcher m = EMAIL_IN_PARENTHESES.matcher(named);
        return m.find() ? AGENTS.get(m.group(1).strip()) : null;
    };
    private static final Function<String, String> AGENT_PROBLEM =
            no -> EMPLOYEES.contains(no) ? null : "no agent matches '" + no + "'";

    @ParameterizedTest
    @CsvSource({
            "zendesk, Zendesk, 4408886165402",
            "freshdesk, Freshdesk, lib/export/ticket.rb",
            "zammad, Zammad, lib/excel_sheet/ticket.rb",
            "chatwoot, Chatwoot, csat_survey_responses/download.csv.erb"})
    void presetIsValidAndNamesItsFormat(String file, String name, String source) {
        ImportMapping mapping = preset(file);
        assertEquals(name, mapping.name());
        assertEquals(List.of(), mapping.problems());
        assertNotNull(mapping.format());
        assertTrue(mapping.format().contains(source), mapping.format());
        assertEquals(file, mapping.constantsOrNone().get("source"));
        assertNotNull(mapping.formatter());
    }

    @Test
    void zendesk() {
        List<RowResult> rows = read("zendesk");
        assertEquals(9, rows.size());
        // The research's own rows: Zendesk's Tags cell holds the tags separated by spaces; the first tag that names a
        // category gives it
        row(rows.get(0), 2, "zendesk", "10482", "A001", "chat", "order_status",
                "2026-03-02T01:15:00Z", "2026-03-02T01:27:00Z", "2026-03-02T03:02:00Z", 10);
        row(rows.get(1), 3, "zendesk", "10483", "A002", "email", "return_refund",
                "2026-03-02T02:03:00Z", "2026-03-02T02:44:00Z", "2026-03-03T07:47:00Z", 1);
        // created 08:47 (+08:00), first reply 3 minutes later, unsolved, "Offered" = no rating
        row(rows.get(2), 4, "zendesk", "10484", "A001", "phone", "payment",
                "2026-03-03T00:47:00Z", "2026-03-03T00:50:00Z", null, null);
        // with seconds; 95 minutes = 1:35; Chinese tag; "Bad" = 1
        row(rows.get(3), 5, "zendesk", "10485", "A002", "email", "return_refund",
                "2026-03-04T06:20:30Z", "2026-03-04T07:55:30Z", "2026-03-05T02:00:00Z", 1);
        // 0 minutes: replied at creation; "Good" = 10
        row(rows.get(4), 6, "zendesk", "10486", "A001", "chat", "logistics",
                "2026-03-04T13:05:00Z", "2026-03-04T13:05:00Z", "2026-03-04T13:30:00Z", 10);
        error(rows.get(5), 7, "channel: 'Closed ticket' is not one of " + CHANNELS);
        error(rows.get(6), 8, "created_at: \"05/03/2026 09:12\" does not match the time format \"yyyy-MM-dd HH:mm[:ss]\""
                + " of the mapping \"Zendesk\"; resolved_at: \"05/03/2026 10:40\" does not match the time format"
                + " \"yyyy-MM-dd HH:mm[:ss]\" of the mapping \"Zendesk\"");
        error(rows.get(7), 9, "agent: is required but empty");
        row(rows.get(8), 10, "zendesk", "10490", "A002", "social", "complaint",
                "2026-03-05T03:00:00Z", "2026-03-05T03:07:00Z", "2026-03-05T04:15:00Z", 10);
        // Priority and Reopens: the second ticket is high and was reopened once
        assertEquals(List.of("normal", "high"), List.of(((InteractionRow) rows.get(0)).priority(), ((InteractionRow) rows.get(1)).priority()));
        assertEquals(List.of(0, 1), List.of(((InteractionRow) rows.get(0)).reopened(), ((InteractionRow) rows.get(1)).reopened()));
    }

    @Test
    void freshdesk() {
        List<RowResult> rows = read("freshdesk");
        assertEquals(7, rows.size());
        // Type "Question"/"Problem" are Freshdesk's default types: other
        row(rows.get(0), 2, "freshdesk", "5521", "A001", "email", "other",
                "2026-03-02T01:15:42Z", "2026-03-02T01:48:03Z", "2026-03-02T07:30:10Z", 10);
        row(rows.get(1), 3, "freshdesk", "5522", "A002", "email", "other",
                "2026-03-02T02:03:00Z", "2026-03-02T04:10:37Z", "2026-03-03T03:20:55Z", 1);
        row(rows.get(2), 4, "freshdesk", "5523", "A001", "chat", "other",
                "2026-03-03T00:47:19Z", "2026-03-03T00:51:02Z", null, null);
        // a description over two lines; custom type 退货; "Just Okay" = 5
        row(rows.get(3), 5, "freshdesk", "5524", "A002", "phone", "return_refund",
                "2026-03-04T02:00:00Z", "2026-03-04T02:00:00Z", "2026-03-04T08:45:10Z", 5);
        error(rows.get(4), 7, "channel: 'Ecommerce' is not one of " + CHANNELS);
        String format = " does not match the time format \"yyyy-MM-dd HH:mm:ss\" of the mapping \"Freshdesk\"";
        error(rows.get(5), 8, "created_at: \"05/03/2026 09:30:00\"" + format
                + "; first_response_at: \"05/03/2026 09:40:00\"" + format
                + "; resolved_at: \"05/03/2026 10:00:00\"" + format);
        row(rows.get(6), 9, "freshdesk", "5527", "A001", "social", "logistics",
                "2026-03-05T03:00:00Z", "2026-03-05T03:20:00Z", "2026-03-05T03:50:00Z", null);
        // Freshdesk's priorities Low, Medium, High, Urgent: Medium is normal
        assertEquals(List.of("normal", "high", "low"), rows.subList(0, 3).stream().map(r -> ((InteractionRow) r).priority()).toList());
    }

    @Test
    void zammad() {
        List<RowResult> rows = read("zammad");
        assertEquals(7, rows.size()); // the title, the empty rows and the "Timezone:" footer are no rows
        // the first known tag names the category
        row(rows.get(0), 4, "zammad", "31001", "A001", "email", "order_status",
                "2026-03-02T01:15:42Z", "2026-03-02T01:48:03Z", "2026-03-02T07:30:10Z", null);
        row(rows.get(1), 5, "zammad", "31002", "A002", "email", "return_refund",
                "2026-03-02T02:03:00Z", "2026-03-02T04:10:37Z", "2026-03-03T03:20:55Z", null);
        row(rows.get(2), 6, "zammad", "31003", "A001", "phone", "payment",
                "2026-03-03T00:47:19Z", "2026-03-03T00:51:02Z", null, null);
        // times without seconds (a spreadsheet that dropped them); Chinese tags
        row(rows.get(3), 7, "zammad", "31004", "A002", "chat", "logistics",
                "2026-03-04T06:05:00Z", "2026-03-04T06:06:00Z", "2026-03-04T06:30:00Z", null);
        // "vip" is no category word: the next tag's is used
        row(rows.get(4), 8, "zammad", "31005", "A001", "social", "complaint",
                "2026-03-04T12:00:00Z", "2026-03-04T12:15:00Z", null, null);
        error(rows.get(5), 9, "channel: 'note' is not one of " + CHANNELS);
        error(rows.get(6), 10, "agent: no agent matches '-'");
    }

    @Test
    void chatwoot() {
        List<RowResult> rows = read("chatwoot");
        assertEquals(5, rows.size()); // the "Reporting period" line is no row
        String link = "https://app.chatwoot.com/app/accounts/7/conversations/";
        // UTC by the preset's own zone, not the organization's; a 1-5 rating r is 2r
        InteractionRow first = row(rows.get(0), 2, "chatwoot", link + "412", "A001", "chat", "other",
                "2026-03-02T07:31:05Z", null, null, 10);
        assertEquals("Quick and friendly, thanks!", first.comment());
        InteractionRow second = row(rows.get(1), 3, "chatwoot", link + "418", "A002", "chat", "other",
                "2026-03-03T03:22:40Z", null, null, 4);
        assertEquals("Took two days and I had to explain everything again, \"very slow\".", second.comment());
        InteractionRow third = row(rows.get(2), 4, "chatwoot", link + "431", "A001", "chat", "other",
                "2026-03-03T01:05:12Z", null, null, 8);
        assertNull(third.comment());
        error(rows.get(3), 5, "agent: is required but empty");
        error(rows.get(4), 6, "created_at: \"2026-03-04T02:10:00Z\" does not match the time format"
                + " \"yyyy-MM-dd HH:mm:ss 'UTC'\" of the mapping \"Chatwoot\"");
    }

    // ------------------------------------------------------------------------------------------

    private static ImportMapping preset(String name) {
        try (InputStream in = HelpdeskPresetsTest.class.getResourceAsStream("/mappings/" + name + ".json")) {
            assertNotNull(in, "mappings/" + name + ".json");
            return ObjectMapper.getDefault().readValue(in.readAllBytes(), ImportMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RowResult> read(String name) {
        ImportMapping mapping = preset(name);
        List<RowResult> rows = new ArrayList<>();
        InputStream in = HelpdeskPresetsTest.class.getResourceAsStream("/helpdesk-samples/" + name + ".csv");
        assertNotNull(in, "helpdesk-samples/" + name + ".csv");
        try (InteractionCsvReader reader = new InteractionCsvReader(in, StandardCharsets.UTF_8, ORGANIZATION_ZONE,
                AGENT_PROBLEM, mapping, AGENT_OF)) {
            reader.forEach(rows::add);
        }
        return rows;
    }

    private static InteractionRow row(RowResult result, int line, String source, String externalId, String agent,
                                      String channel, String category, String createdAt, String firstResponseAt,
                                      String resolvedAt, Integer rating10) {
        InteractionRow row = assertInstanceOf(InteractionRow.class, result, () -> "line " + line + ": " + result);
        assertEquals(line, row.line(), "line");
        assertEquals(source, row.source(), "source, line " + line);
        assertEquals(externalId, row.externalId(), "external_id, line " + line);
        assertEquals(agent, row.agent(), "agent, line " + line);
        assertEquals(channel, row.channel(), "channel, line " + line);
        assertEquals(category, row.category(), "category, line " + line);
        assertEquals(Instant.parse(createdAt), row.createdAt(), "created_at, line " + line);
        assertEquals(firstResponseAt == null ? null : Instant.parse(firstResponseAt), row.firstResponseAt(),
                "first_response_at, line " + line);
        assertEquals(resolvedAt == null ? null : Instant.parse(resolvedAt), row.resolvedAt(), "resolved_at, line " + line);
        assertEquals(rating10, row.rating10(), "rating, line " + line);
        return row;
    }

    private static void error(RowResult result, int line, String message) {
        RowError error = assertInstanceOf(RowError.class, result, () -> "line " + line + ": " + result);
        assertEquals(line, error.line(), "line");
        assertEquals(message, error.message(), "message, line " + line);
    }
}
