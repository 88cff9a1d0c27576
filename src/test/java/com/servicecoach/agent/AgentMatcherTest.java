package com.servicecoach.agent;

import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Matching a helpdesk export's agent value: employee number, else helpdesk user id (ignoring case), else the one
 * agent with that email (ignoring case), else the email of {@code Name (email)}; the database lookup and the
 * snapshot answer alike.
 */
@MicronautTest(transactional = false)
class AgentMatcherTest {

    @Inject
    AgentMatcher matcher;
    @Inject
    AgentRepository agents;
    @Inject
    TeamRepository teams;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    /** The standard cast (N1, N2, S1 with emails n1@shop.test and so on) and a few agents with helpdesk ids. */
    @BeforeEach
    void agents() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        Team north = teams.findByName("North").orElseThrow();
        save("H1", "shared@shop.test", "Zhang.San@Helpdesk.example", north);
        save("H2", "SHARED@shop.test", "agent-42", north);
        save("H3", "h3@shop.test", "N2", north);
        save("H4", "h4@shop.test", "s1@shop.test", north);
        save("H5", "h5@shop.test", null, north);
    }

    private void save(String employeeNo, String email, String helpdeskId, Team team) {
        agents.save(new Agent(null, employeeNo, "Agent " + employeeNo, email, helpdeskId, team.id(), "chat", null, "active",
                LocalDateTime.of(2026, 1, 1, 0, 0)));
    }

    /** Each value and the employee number it names (null: no one). */
    static final Map<String, String> CASES = cases(
            "N1", "N1",
            "  N1  ", "N1",
            "n1", null,                                  // employee numbers match exactly
            "H5", "H5",
            "zhang.san@helpdesk.EXAMPLE", "H1",          // helpdesk id, any case
            "AGENT-42", "H2",
            " agent-42 ", "H2",
            "N2", "N2",                                  // an employee number comes before H3's helpdesk id "N2"
            "s1@shop.test", "H4",                        // a helpdesk id comes before S1's email
            "N1@SHOP.TEST", "N1",                        // email, any case
            "h5@shop.test", "H5",
            "shared@shop.test", null,                    // two agents have it (in different case): no one
            "Shared@Shop.Test", null,
            "Li Na (n1@shop.test)", "N1",                // Name (email)
            "Li Na (N1@Shop.Test)  ", "N1",
            "(h5@shop.test)", "H5",
            "Zhang San (shared@shop.test)", null,        // still ambiguous
            "Li Na (nobody@shop.test)", null,
            "Li Na (n1)", null,                          // not an email inside
            "Li Na (n1@shop.test) extra", null,          // the parentheses must end it
            "Li Na", null,
            "nobody", null,
            "", null,
            "   ", null);

    private static Map<String, String> cases(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void theDatabaseLookupNamesTheRightAgent() {
        List<String> wrong = new ArrayList<>();
        CASES.forEach((value, expected) -> {
            Optional<String> got = matcher.employeeNoFor(value);
            if (!got.equals(Optional.ofNullable(expected))) {
                wrong.add("'" + value + "' gave " + got + ", expected " + expected);
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(Optional.empty(), matcher.employeeNoFor(null));
    }

    @Test
    void theSnapshotAnswersAsTheDatabaseLookupDoes() {
        AgentMatcher.Snapshot snapshot = matcher.snapshot();
        assertEquals(8, snapshot.size());
        List<String> wrong = new ArrayList<>();
        CASES.forEach((value, expected) -> {
            Optional<String> got = snapshot.employeeNo(value);
            if (!got.equals(Optional.ofNullable(expected))) {
                wrong.add("'" + value + "' gave " + got + ", expected " + expected);
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(Optional.empty(), snapshot.employeeNo(null));
    }

    @Test
    void aSnapshotIsTakenWhenAskedForAndDoesNotChangeAfterwards() {
        AgentMatcher.Snapshot before = matcher.snapshot();
        save("H6", "h6@shop.test", "late", teams.findByName("North").orElseThrow());
        assertEquals(Optional.empty(), before.employeeNo("late"));
        assertEquals(Optional.of("H6"), matcher.snapshot().employeeNo("LATE"));
        assertEquals(Optional.of("H6"), matcher.employeeNoFor("late"));
    }

    @Test
    void helpdeskIdsThatDifferOnlyInCaseNameNoOne() {
        // the service refuses such a pair; a snapshot of agents stored otherwise still does not guess
        AgentMatcher.Snapshot snapshot = new AgentMatcher.Snapshot(Arrays.asList(
                agent("X1", "x1@shop.test", "Wang"), agent("X2", "x2@shop.test", "wang"), agent("X3", "x3@shop.test", " ")));
        assertEquals(Optional.empty(), snapshot.employeeNo("WANG"));
        assertEquals(Optional.empty(), snapshot.employeeNo("wang"));
        assertEquals(Optional.empty(), snapshot.employeeNo(" "), "a blank helpdesk id is none");
        assertEquals(Optional.of("X3"), snapshot.employeeNo("x3@SHOP.test"));
    }

    @Test
    void theEmailOfNameAndEmail() {
        assertEquals("a@b.c", AgentMatcher.emailInParentheses("A (a@b.c)"));
        assertEquals("a@b.c", AgentMatcher.emailInParentheses("A (x) B ( a@b.c )"));
        assertNull(AgentMatcher.emailInParentheses("A (a@b.c"));
        assertNull(AgentMatcher.emailInParentheses("A (@b.c)"));
        assertNull(AgentMatcher.emailInParentheses("A (a@)"));
        assertNull(AgentMatcher.emailInParentheses("A (a b@c.d)"));
        assertNull(AgentMatcher.emailInParentheses("A ()"));
    }

    private static Agent agent(String employeeNo, String email, String helpdeskId) {
        return new Agent(1L, employeeNo, "Agent " + employeeNo, email, helpdeskId, 1L, "chat", null, "active",
                LocalDateTime.of(2026, 1, 1, 0, 0));
    }
}
