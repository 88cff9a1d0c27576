package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The survey definition in force and its versions: version 0 is the reference survey until an administrator
 * saves one; each save with a different content adds the next version. A response records the version it
 * answered, so its completeness is judged against the dimensions it was asked.
 */
@Singleton
public class SurveyDefinitions {

    /** A version of the definition; {@code savedBy}/{@code savedAt} are null for version 0, the reference survey. */
    public record Current(int version, SurveyDefinition definition, String savedBy, Instant savedAt) {
    }

    private final SurveyStore store;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** The last version read, with the stored document it was parsed from. */
    private record Cached(Current current, String document) {
    }

    private volatile Cached cached;

    SurveyDefinitions(SurveyStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The definition in force now. */
    public Current current() {
        SurveyStore.Version latest = store.latestVersion().orElse(null);
        if (latest == null) {
            return new Current(0, SurveyDefinition.reference(), null, null);
        }
        Cached c = cached;
        if (c != null && c.current().version() == latest.version() && c.document().equals(latest.document())) {
            return c.current();
        }
        Current now = toCurrent(latest);
        cached = new Cached(now, latest.document());
        return now;
    }

    /** A given version (0: the reference survey); the one in force when that version is unknown. */
    public SurveyDefinition version(int version) {
        if (version == 0) {
            return SurveyDefinition.reference();
        }
        Current now = current();
        if (now.version() == version) {
            return now.definition();
        }
        return store.version(version).map(v -> toCurrent(v).definition()).orElse(now.definition());
    }

    /** Validates and stores a new version (administrators only); the same content as now adds none. */
    public Current save(Viewer viewer, SurveyDefinition input) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators change the survey");
        }
        List<FieldError> errors = input.problems();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SurveyDefinition normal = input.normalised();
        Current now = current();
        if (write(now.definition().normalised()).equals(write(normal))) {
            return now;
        }
        int next = now.version() + 1;
        if (!store.insertVersion(next, write(normal), viewer.username(), clock.instant())) {
            throw new ConflictException("The survey was changed at the same time by someone else: reload and try again");
        }
        return current();
    }

    private Current toCurrent(SurveyStore.Version v) {
        try {
            SurveyDefinition d = mapper.readValue(v.document(), SurveyDefinition.class);
            return new Current(v.version(), d, v.savedBy(), v.savedAt().toInstant(ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored survey version " + v.version() + " cannot be read", e);
        }
    }

    private String write(SurveyDefinition d) {
        try {
            return mapper.writeValueAsString(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
