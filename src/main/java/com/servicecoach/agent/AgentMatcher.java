package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the agent a helpdesk export names, for imports. A value names an agent when it is
 * <ol>
 *   <li>the agent's employee number (exactly);</li>
 *   <li>else the agent's helpdesk user id, ignoring case;</li>
 *   <li>else the agent's email, ignoring case, when exactly one agent has that email (two or more: no match);</li>
 *   <li>else of the form {@code Name (email@x)}, as some exports write an agent, and the email inside the
 *       parentheses names one agent as in 3.</li>
 * </ol>
 * Values are trimmed; an empty value names no one. {@link #employeeNoFor} looks one value up in the database; an
 * import of many rows takes a {@link #snapshot()} once and asks it for each row.
 */
@Singleton
public class AgentMatcher {

    private final AgentRepository agents;

    AgentMatcher(AgentRepository agents) {
        this.agents = agents;
    }

    /** The employee number of the agent this value names (see the class comment), from the database. */
    public Optional<String> employeeNoFor(@Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        // Only the agents that may match, each once (so one agent found by two routes is not two agents), judged
        // by the same rules as a snapshot of every agent.
        Map<Long, Agent> candidates = new LinkedHashMap<>();
        if (AgentService.EMPLOYEE_NO.matcher(v).matches()) {
            agents.findByEmployeeNo(v).ifPresent(a -> candidates.put(a.id(), a));
        }
        agents.findByHelpdeskIdEqualsIgnoreCase(v).forEach(a -> candidates.put(a.id(), a));
        agents.findByEmailEqualsIgnoreCase(v).forEach(a -> candidates.put(a.id(), a));
        String inner = emailInParentheses(v);
        if (inner != null) {
            agents.findByEmailEqualsIgnoreCase(inner).forEach(a -> candidates.put(a.id(), a));
        }
        return new Snapshot(candidates.values()).employeeNo(v);
    }

    /** Every agent, read once, to match the values of one import. */
    public Snapshot snapshot() {
        return new Snapshot(agents.findAll());
    }

    /**
     * The email of {@code Name (email@x)}: what the value's last parentheses, which end it, hold, when that has an '@'
     * and no space; null for any other value.
     */
    static @Nullable String emailInParentheses(String value) {
        if (!value.endsWith(")")) {
            return null;
        }
        int open = value.lastIndexOf('(');
        if (open < 0) {
            return null;
        }
        String inner = value.substring(open + 1, value.length() - 1).strip();
        boolean plain = !inner.isEmpty() && inner.indexOf('@') > 0 && inner.indexOf('@') < inner.length() - 1
                && inner.chars().noneMatch(c -> Character.isWhitespace(c) || c == '(' || c == ')');
        return plain ? inner : null;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The agents as they were when it was taken, indexed for matching: each lookup is a few map reads. Immutable,
     * so one import may use it from several threads.
     */
    public static final class Snapshot {

        private final Set<String> employeeNos = new HashSet<>();
        private final Index byHelpdeskId = new Index();
        private final Index byEmail = new Index();

        Snapshot(Collection<Agent> agents) {
            for (Agent a : agents) {
                employeeNos.add(a.employeeNo());
                if (a.helpdeskId() != null && !a.helpdeskId().isBlank()) {
                    byHelpdeskId.put(key(a.helpdeskId()), a.employeeNo());
                }
                byEmail.put(key(a.email()), a.employeeNo());
            }
        }

        /** The employee number of the agent this value names (see {@link AgentMatcher}), or empty. */
        public Optional<String> employeeNo(@Nullable String value) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (employeeNos.contains(v)) {
                return Optional.of(v);
            }
            String k = key(v);
            if (byHelpdeskId.has(k)) {
                return byHelpdeskId.only(k);
            }
            if (byEmail.has(k)) {
                return byEmail.only(k);
            }
            String inner = emailInParentheses(v);
            return inner == null ? Optional.empty() : byEmail.only(key(inner));
        }

        /** How many agents it holds. */
        public int size() {
            return employeeNos.size();
        }
    }

    /** Lower-cased values to the employee numbers of the agents having them; a value two agents share is noted. */
    private static final class Index {

        private final Map<String, String> owner = new HashMap<>();
        private final Set<String> shared = new HashSet<>();

        void put(String key, String employeeNo) {
            String before = owner.putIfAbsent(key, employeeNo);
            if (before != null && !before.equals(employeeNo)) {
                shared.add(key);
            }
        }

        boolean has(String key) {
            return owner.containsKey(key);
        }

        /** The one agent with this value; empty when none or several have it. */
        Optional<String> only(String key) {
            return shared.contains(key) ? Optional.empty() : Optional.ofNullable(owner.get(key));
        }
    }
}
