package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hosted survey links: issuing them for a period's interactions (supervisors for their teams, administrators for
 * all), listing them for the shop's mail tool, and the public page's side: what a link shows and storing its one
 * answer, rate-limited per client address with the limit of the survey definition.
 */
@Singleton
public class SurveyLinks {

    /** The most links one call issues. */
    public static final int MAX_ISSUE = 10_000;
    /** The longest remark a customer may write. */
    public static final int MAX_REMARK = 2000;
    /** Page views of the public page allowed per address and hour, per answer allowed. */
    static final int VIEWS_PER_ANSWER = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a link stands for the public page. */
    public enum State { OPEN, STORED, ANSWERED, EXPIRED, UNKNOWN }

    /** What the public page shows: the state and, while open, the agent's display name and the questions. */
    public record Page(State state, @Nullable String agentName, @Nullable String language,
                       @Nullable List<SurveyDefinition.Dimension> dimensions, int version) {
    }

    /** A customer's answer as submitted: per dimension code the text given (blank: not answered), and the remark. */
    public record Answer(Map<String, String> scores, @Nullable String remark, @Nullable Integer version) {

        public Answer(Map<String, String> scores, @Nullable String remark) {
            this(scores, remark, null);
        }
    }

    /** The public page refused a request for its rate limit. */
    public static final class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("Too many survey requests from this address: try again in an hour");
        }
    }

    private final SurveyStore store;
    private final SurveyDefinitions definitions;
    private final SurveyService surveys;
    private final AgentService agents;
    private final Clock clock;

    SurveyLinks(SurveyStore store, SurveyDefinitions definitions, SurveyService surveys, AgentService agents, Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.surveys = surveys;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * Issues a link, in {@code language}, for each interaction of the viewer's agents created from {@code from} to
     * {@code to} that has none and no response, at most {@value #MAX_ISSUE}; returns how many. HR and agents: 403.
     */
    public int issue(Viewer viewer, LocalDate from, LocalDate to, String language) {
        if (!mayIssue(viewer)) {
            throw new ForbiddenException("Supervisors and administrators issue survey links");
        }
        if (!"en".equals(language) && !"zh".equals(language)) {
            throw new InvalidInputException(List.of(FieldError.of("language", "survey.error.language")));
        }
        Collection<Long> scope = viewer.isAdmin() ? null : agents.visibleAgents(viewer).stream().map(Agent::id).toList();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(definitions.current().definition().linkDays()));
        Instant[] r = surveys.range(from, to);
        return store.issueLinks(scope, r[0], r[1], language, now, expires, MAX_ISSUE, SurveyLinks::newToken);
    }

    /** Whether the viewer may issue links: supervisors (for their teams) and administrators. */
    public static boolean mayIssue(Viewer viewer) {
        return viewer.isAdmin() || viewer.isSupervisor();
    }

    /** A link as listed, with its state now ({@code open}, {@code answered} or {@code expired}). */
    @io.micronaut.serde.annotation.Serdeable
    public record Listed(String url, String token, String source, String externalId, String employeeNo, String agentName,
                         Instant createdAt, String language, Instant issuedAt, Instant expiresAt, @Nullable Instant answeredAt,
                         String state) {
    }

    /** The links of the viewer's interactions created in the period, oldest first (HR reads them too; agents 403). */
    public void list(Viewer viewer, LocalDate from, LocalDate to, String baseUrl, long offset, int limit, Consumer<Listed> out) {
        Instant[] r = surveys.range(from, to);
        Instant now = clock.instant();
        store.links(scope(viewer), r[0], r[1], offset, limit, l -> out.accept(new Listed(baseUrl + "/survey/" + l.token(),
                l.token(), l.source(), l.externalId(), l.employeeNo(), l.agentName(), l.createdAt(), l.language(), l.issuedAt(),
                l.expiresAt(), l.answeredAt(), l.answeredAt() != null ? "answered" : l.expiresAt().isAfter(now) ? "open" : "expired")));
    }

    /** How many days a link issued now stays valid. */
    public int linkDays() {
        return definitions.current().definition().linkDays();
    }

    public long count(Viewer viewer, LocalDate from, LocalDate to) {
        Instant[] r = surveys.range(from, to);
        return store.countLinks(scope(viewer), r[0], r[1]);
    }

    @Nullable
    private Collection<Long> scope(Viewer viewer) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents do not see survey links");
        }
        return surveys.scopeIds(viewer, null);
    }

    // ---- the public page -------------------------------------------------------------------------------------

    /** What the page of a token shows (counted against the address's page views). */
    public Page page(String token, String address) {
        limit("view:" + address, definitions.current().definition().submissionsPerHour() * VIEWS_PER_ANSWER);
        return pageOf(token);
    }

    /** What the page of a token shows, not counted: for a request that was counted already. */
    Page pageOf(String token) {
        if (token == null || token.length() > 64) {
            return new Page(State.UNKNOWN, null, null, null, 0);
        }
        SurveyStore.Hosted h = store.byToken(token).orElse(null);
        if (h == null) {
            return new Page(State.UNKNOWN, null, null, null, 0);
        }
        if (h.answeredAt() != null) {
            return new Page(State.ANSWERED, null, h.language(), null, 0);
        }
        if (!h.expiresAt().isAfter(clock.instant())) {
            return new Page(State.EXPIRED, null, h.language(), null, 0);
        }
        SurveyDefinitions.Current current = definitions.current();
        return new Page(State.OPEN, h.agentName(), h.language(), current.definition().dimensions(), current.version());
    }

    /**
     * Stores a customer's answer to an open link: every score blank or a whole number 1-10, at least one given, the
     * remark at most {@value #MAX_REMARK} characters. Returns STORED when stored now, else the state that refused it (answered before, expired, unknown); invalid input throws with each field's problem
     * and stores nothing.
     */
    public State answer(String token, Answer answer, String address) {
        limit("answer:" + address, definitions.current().definition().submissionsPerHour());
        Page page = pageOf(token);
        if (page.state() != State.OPEN) {
            return page.state();
        }
        // the dimensions of the version the customer was shown (the survey may have been saved again since)
        int version = answer.version() != null && answer.version() >= 0 && answer.version() <= page.version()
                ? answer.version() : page.version();
        List<SurveyDefinition.Dimension> asked = version == page.version() ? page.dimensions()
                : definitions.version(version).dimensions();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (SurveyDefinition.Dimension d : asked) {
            String text = answer.scores().get(d.code());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                int v = Integer.parseInt(text.strip());
                if (v < 1 || v > 10) {
                    errors.add(FieldError.of(d.code(), "survey.error.score"));
                } else {
                    scores.put(d.code(), v);
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(d.code(), "survey.error.score"));
            }
        }
        String remark = answer.remark() == null || answer.remark().isBlank() ? null : answer.remark().strip();
        if (remark != null && remark.length() > MAX_REMARK) {
            errors.add(FieldError.of("remark", "survey.error.remarkTooLong", MAX_REMARK));
        }
        if (errors.isEmpty() && scores.isEmpty()) {
            errors.add(FieldError.of("scores", "survey.error.noScores"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean complete = scores.size() == asked.size();
        boolean stored = store.answerLink(token, version, scores, remark, complete, clock.instant());
        return stored ? State.STORED : pageOf(token).state();
    }

    private void limit(String key, int perHour) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        int hits = store.hit(key.length() > 64 ? key.substring(0, 64) : key, window, window.minus(Duration.ofHours(2)));
        if (hits > perHour) {
            throw new TooManyRequests();
        }
    }

    /** A new token: 256 random bits, URL-safe Base64 without padding (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
