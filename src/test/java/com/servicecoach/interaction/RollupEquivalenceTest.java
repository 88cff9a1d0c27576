package com.servicecoach.interaction;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.ScorecardService;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures from stored rollups equal the figures computed from the rows, on generated data with a
 * zone that changes to summer time, business calendars with holidays (one in another zone), timestamps
 * with and without offsets and fractions, unanswered and unresolved contacts, 5- and 10-point ratings,
 * re-imports that move contacts to another agent, day or channel, and a change of calendars followed by
 * the rebuild.
 */
@MicronautTest(transactional = false)
class RollupEquivalenceTest extends HttpTest {

    static final Viewer ADMIN = new Viewer("admin", Role.ADMIN, null);
    static final List<String> AGENTS = List.of("N1", "N2", "S1");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    ScorecardService scorecards;
    @Inject
    Rollups rollups;

    record Row(String id, String agent, String channel, LocalDateTime created, String offset, Integer responseSeconds,
               Integer resolutionSeconds, Integer rating, boolean fivePoint) {
        String csv() {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
            String c = created.format(f) + offset;
            String r = responseSeconds == null ? "" : created.plusSeconds(responseSeconds).format(f) + offset;
            String d = resolutionSeconds == null ? "" : created.plusSeconds(resolutionSeconds).format(f) + offset;
            String rating10 = rating == null ? "" : String.valueOf(fivePoint ? (rating + 1) / 2 : rating);
            String scale = rating == null ? "" : fivePoint ? "5" : "10";
            return String.join(",", id, agent, channel, "other", c, r, d, rating10, scale, "");
        }
    }

    static List<Row> generated(Random random, int n, String prefix) {
        String[] channels = {"chat", "chat", "email", "phone", "social"};
        String[] offsets = {"", "", "Z", "+08:00", "-05:00"};
        List<Row> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 2, 20, 0, 0);
        for (int i = 0; i < n; i++) {
            LocalDateTime created = start.plusSeconds(random.nextInt(50 * 86400)).plusNanos(random.nextInt(1000) * 1_000_000L);
            Integer response = random.nextInt(10) == 0 ? null : random.nextInt(random.nextBoolean() ? 120 : 40_000);
            Integer resolution = random.nextInt(7) == 0 ? null : (response == null ? 0 : response) + random.nextInt(300_000);
            Integer rating = random.nextInt(5) < 3 ? 1 + random.nextInt(10) : null;
            rows.add(new Row(prefix + i, AGENTS.get(random.nextInt(AGENTS.size())), channels[random.nextInt(channels.length)],
                    created, offsets[random.nextInt(offsets.length)], response, resolution, rating, random.nextInt(4) == 0));
        }
        return rows;
    }

    static String file(List<Row> rows) {
        StringBuilder sb = new StringBuilder(ImportHttp.HEADER).append('\n');
        rows.forEach(r -> sb.append(r.csv()).append('\n'));
        return sb.toString();
    }

    void sql(String statement) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    void settings(boolean withSocialCalendar, List<String> holidays) {
        Map<String, Object> s = new LinkedHashMap<>(api.get("admin", "/api/settings").json());
        s.put("organizationZone", BERLIN.getId());
        Map<String, Object> channels = new LinkedHashMap<>((Map<String, Object>) s.get("channels"));
        Map<String, Object> email = new LinkedHashMap<>((Map<String, Object>) channels.get("email"));
        Map<String, Object> emailCalendar = new LinkedHashMap<>((Map<String, Object>) email.get("calendar"));
        emailCalendar.put("holidays", holidays);
        email.put("calendar", emailCalendar);
        channels.put("email", email);
        if (withSocialCalendar) {
            Map<String, Object> social = new LinkedHashMap<>((Map<String, Object>) channels.get("social"));
            Map<String, Object> hours = new LinkedHashMap<>();
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
                hours.put(day, Map.of("open", "08:00", "close", "20:00"));
            }
            Map<String, Object> calendar = new LinkedHashMap<>();
            calendar.put("type", "business");
            calendar.put("zone", "America/New_York");
            calendar.put("hours", hours);
            calendar.put("holidays", List.of("2026-03-16"));
            social.put("calendar", calendar);
            channels.put("social", social);
        }
        s.put("channels", channels);
        try {
            Api.Reply r = api.send("admin", HttpRequest.PUT("/api/settings", mapper.writeValueAsString(s)).contentType("application/json"));
            assertEquals(200, r.status(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Period(LocalDate from, LocalDate to) {
    }

    static final List<Period> PERIODS = List.of(
            new Period(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 28)),
            new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
            new Period(LocalDate.of(2026, 3, 26), LocalDate.of(2026, 4, 1)),
            new Period(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)),
            new Period(LocalDate.of(2026, 2, 19), LocalDate.of(2026, 4, 12)));

    /** Everything the scorecards show for every agent, team and period, as records (compared with equals). */
    List<Object> everything() {
        List<Object> out = new ArrayList<>();
        for (Period p : PERIODS) {
            for (String agent : AGENTS) {
                ScorecardService.AgentDetail d = scorecards.agentDetail(ADMIN, agent, p.from(), p.to());
                out.add(List.of(agent, p, d.result().figures(), d.weeks(), d.byChannel(), d.byCategory(), d.byPriority(), d.owners()));
            }
            for (String team : List.of("North", "South")) {
                ScorecardService.TeamDetail d = scorecards.teamDetail(ADMIN, team, p.from(), p.to());
                out.add(List.of(team, p, d.result().figures(), d.weeks(), d.byChannel(), d.byCategory(), d.byPriority(), d.owners(),
                        d.ranking().stream().map(r -> List.of(r.agent().employeeNo(), String.valueOf(r.rank()), r.figures())).toList()));
            }
        }
        return out;
    }

    /** The same figures computed from the rows: the rollups are marked incomplete for the moment. */
    List<Object> everythingFromRows() {
        sql("update interaction_rollup_state set status = 'building'");
        try {
            return everything();
        } finally {
            sql("update interaction_rollup_state set status = 'current'");
        }
    }

    void assertRollupsEqualRows(String when) {
        assertTrue(rollups.current(settingsNow()), "the rollups are current " + when);
        List<Object> fromRollups = everything();
        List<Object> fromRows = everythingFromRows();
        assertEquals(fromRows.size(), fromRollups.size());
        for (int i = 0; i < fromRows.size(); i++) {
            assertEquals(fromRows.get(i), fromRollups.get(i), when + ": " + ((List<?>) fromRows.get(i)).subList(0, 2));
        }
    }

    com.servicecoach.settings.ScoringSettingsService.Current settingsNow() {
        return applicationContext.getBean(com.servicecoach.settings.ScoringSettingsService.class).current();
    }

    @Inject
    io.micronaut.context.ApplicationContext applicationContext;

    @Test
    void figuresFromRollupsEqualFiguresFromRowsThroughImportsReimportsAndSettingsChanges() {
        settings(false, List.of("2026-03-06", "2026-04-03"));
        Random random = new Random(20260329);
        List<Row> rows = generated(random, 900, "E");
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", file(rows)), 900, 900, 0, 0, 0);
        assertRollupsEqualRows("after the first import");

        // a re-import moves contacts to other agents, days and channels, answers and resolves open ones, re-rates
        List<Row> changed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Row r = rows.get(random.nextInt(rows.size()));
            changed.add(new Row(r.id(), AGENTS.get(random.nextInt(AGENTS.size())), random.nextBoolean() ? "email" : r.channel(),
                    r.created().plusHours(random.nextInt(97) - 48), r.offset(), r.responseSeconds() == null ? 30 : r.responseSeconds(),
                    r.resolutionSeconds() == null ? 90_000 : null, random.nextBoolean() ? null : 1 + random.nextInt(10), false));
        }
        changed.addAll(generated(random, 100, "F"));
        Api.Reply again = ImportHttp.post(api, "admin", file(changed));
        assertEquals(200, again.status(), again.body());
        assertRollupsEqualRows("after a re-import");

        // new calendars: until the rebuild, figures come from the rows; then the rollups match them again
        settings(true, List.of("2026-03-06"));
        assertFalse(rollups.current(settingsNow()), "the rollups were computed under other calendars");
        List<Object> beforeRebuild = everything();
        rollups.rebuildIfNeeded();
        assertRollupsEqualRows("after the rebuild");
        assertEquals(beforeRebuild, everything(), "figures read from the rows before the rebuild were already right");
    }

    static final String CASE_HEADER = ImportHttp.HEADER + ",priority,owner,reopened";
    static final String[] CATEGORIES = {"other", "return_refund", "complaint", "pre_sales", "logistics"};
    static final String[] PRIORITIES = {"", "low", "normal", "high", "urgent"};

    /** Rows with categories, priorities, owners (a third handed over, some to another team) and reopen counts. */
    static String caseFile(List<Row> rows, Random random) {
        StringBuilder sb = new StringBuilder(CASE_HEADER).append('\n');
        for (Row r : rows) {
            String[] cells = r.csv().split(",", -1);
            cells[3] = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String owner = random.nextInt(3) == 0 ? AGENTS.get(random.nextInt(AGENTS.size())) : "";
            sb.append(String.join(",", cells)).append(',').append(PRIORITIES[random.nextInt(PRIORITIES.length)]).append(',')
                    .append(owner).append(',').append(random.nextInt(4) == 0 ? String.valueOf(random.nextInt(3)) : "").append('\n');
        }
        return sb.toString();
    }

    @Test
    void withCaseTypesOwnersAndReopensTheRollupsStillEqualTheRows() {
        Random random = new Random(20261204);
        List<Row> rows = generated(random, 600, "K");
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", caseFile(rows, random)), 600, 600, 0, 0, 0);
        assertRollupsEqualRows("after importing owners and priorities");

        // a re-import changes owners (to the handler, to another agent), priorities, categories and reopen counts
        List<Row> again = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            again.add(rows.get(random.nextInt(rows.size())));
        }
        Api.Reply changed = ImportHttp.post(api, "admin", caseFile(again, random));
        assertEquals(200, changed.status(), changed.body());
        assertRollupsEqualRows("after re-importing owners, priorities and reopen counts");

        // a rule per case type changes SLA states only, which figures from both sources apply alike
        Map<String, Object> s = new LinkedHashMap<>(api.get("admin", "/api/settings").json());
        s.put("caseTargets", List.of(
                Map.of("category", "return_refund", "resolutionSeconds", 7200),
                Map.of("priority", "urgent", "firstResponseSeconds", 30),
                Map.of("channel", "email", "category", "complaint", "priority", "high", "firstResponseSeconds", 600, "resolutionSeconds", 3600)));
        try {
            Api.Reply put = api.send("admin", HttpRequest.PUT("/api/settings", mapper.writeValueAsString(s)).contentType("application/json"));
            assertEquals(200, put.status(), put.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(rollups.current(settingsNow()), "targets do not change the stored days");
        assertRollupsEqualRows("with rules per case type");
    }

    @Test
    void anImportOnAnEmptyDatabaseStartsCompleteRollups() {
        assertTrue(rollups.state().isEmpty());
        ImportHttp.assertCounts(ImportHttp.post(api, "admin", file(generated(new Random(5), 40, "G"))), 40, 40, 0, 0, 0);
        assertTrue(rollups.current(settingsNow()));
        assertRollupsEqualRows("after one import");
    }
}
