package com.servicecoach.survey;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.scoring.SurveyTally;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored survey days give exactly the figures counted from the survey tables, through imports, re-imports that
 * move contacts to another agent and day, answered links, replaced responses and a change of the organization's zone.
 */
@MicronautTest(transactional = false)
class SurveyRollupTest extends HttpTest {

    @Inject
    SurveyService surveys;
    @Inject
    SurveyLinks links;
    @Inject
    AgentRepository agents;
    @Inject
    ObjectMapper json;

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    long count(String table) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every agent's figures, overall and per slice, as text, from the stored days or from the tables. */
    String figures(boolean stored, LocalDate from, LocalDate to) {
        List<Long> ids = List.of(id("N1"), id("N2"), id("S1"));
        Map<Long, SurveyTally> tallies = stored ? surveys.collect(ids, from, to) : surveys.collectFromTables(ids, from, to);
        List<SurveyFigures.Dimension> dims = SurveyDefinition.reference().figureDimensions();
        Map<String, String> out = new TreeMap<>();
        tallies.forEach((agent, t) -> {
            out.put(agent + " all", t.figures(dims, null, null).rounded().toString());
            for (String[] s : t.slices()) {
                out.put(agent + " " + s[0], t.figures(dims, s[0], null).rounded().toString());
                out.put(agent + " " + s[1], t.figures(dims, null, s[1]).rounded().toString());
            }
        });
        return out.toString();
    }

    long id(String no) {
        return agents.findByEmployeeNo(no).orElseThrow().id();
    }

    void imports(String path, String csv) {
        Api.Reply r = api.send("admin", HttpRequest.POST(path, csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void storedDaysEqualTheTablesThroughEveryChange() throws IOException {
        imports("/api/interactions/import", "external_id,agent,channel,category,created_at\n"
                + "A,N1,chat,logistics,2026-03-02T09:00:00\nB,N1,email,complaint,2026-03-02T23:30:00\n"
                + "C,N2,chat,other,2026-03-03T10:00:00\nD,S1,phone,payment,2026-03-04T12:00:00\n"
                + "E,S1,chat,logistics,2026-03-05T08:00:00\n");
        imports("/api/surveys/import", "external_id,answered_at,remark,attitude,communication,logistics\n"
                + "A,2026-03-03T10:00:00,,9,3,8\nB,2026-03-03T10:00:00,late,2,,\nC,2026-03-04T10:00:00,,7,7,7\n"
                + "D,2026-03-05T10:00:00,,10,6,\n");
        links.issue(new Viewer("admin", Role.ADMIN, null), FROM, TO, "en");
        String tables = figures(false, FROM, TO);
        assertEquals(tables, figures(true, FROM, TO));
        assertTrue(count("survey_day") > 0, "the stored days were built and read");
        assertEquals(0, count("survey_stale"));

        // re-imports move B to N2 and to the next day in Shanghai, C to S1; a link is answered; D's response replaced
        imports("/api/interactions/import", "external_id,agent,channel,category,created_at\n"
                + "B,N2,email,complaint,2026-03-02T16:30:00Z\nC,S1,social,other,2026-03-03T10:00:00\n");
        List<String> tokens = new java.util.ArrayList<>();
        links.list(new Viewer("admin", Role.ADMIN, null), FROM, TO, "", 0, 10, l -> tokens.add(l.token()));
        assertEquals(SurveyLinks.State.STORED, links.answer(tokens.get(0), new SurveyLinks.Answer(Map.of("attitude", "4",
                "logistics", "9"), "ok"), "127.0.0.1"));
        imports("/api/surveys/import", "external_id,answered_at,remark,attitude,communication,logistics\n"
                + "D,2026-03-06T10:00:00,,1,1,1\n");
        assertTrue(count("survey_stale") > 0, "the changes are marked");
        String changed = figures(false, FROM, TO);
        assertTrue(!changed.equals(tables), "the changes change the figures");
        assertEquals(changed, figures(true, FROM, TO));
        assertEquals(0, count("survey_stale"), "the marked days were counted again");
        // one day: the stored days of a single day agree too
        assertEquals(figures(false, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3)),
                figures(true, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3)));

        // a new organization zone moves contacts between days: the days are counted again in it
        @SuppressWarnings("unchecked")
        Map<String, Object> s = new LinkedHashMap<>(api.get("admin", "/api/settings").json());
        s.put("organizationZone", "America/Los_Angeles");
        Api.Reply saved = api.send("admin", HttpRequest.PUT("/api/settings", json.writeValueAsString(s)).contentType("application/json"));
        assertEquals(200, saved.status(), saved.body());
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertEquals(figures(false, day, day), figures(true, day, day));
        assertEquals(figures(false, FROM, TO), figures(true, FROM, TO));
    }
}
