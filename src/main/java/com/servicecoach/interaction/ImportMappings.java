package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column mappings imports may read a file through: the presets shipped in {@code mappings/} (the ticket exports
 * of Zendesk, Freshdesk, Zammad and Chatwoot, each naming the published format it follows) and the mappings saved by
 * administrators and supervisors. Names are unique, case aside; a preset cannot be replaced, only copied under
 * another name.
 */
@Singleton
public class ImportMappings {

    /** The presets' files, in the order they are listed. */
    static final List<String> PRESETS = List.of("zendesk", "freshdesk", "zammad", "chatwoot");

    /** A mapping as listed: whether it ships with the application. */
    @Serdeable
    public record Listed(String name, boolean preset, ImportMapping mapping) {
    }

    private final ImportMappingStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, ImportMapping> presets = new LinkedHashMap<>();

    ImportMappings(ImportMappingStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        for (String file : PRESETS) {
            try (InputStream in = ImportMappings.class.getResourceAsStream("/mappings/" + file + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("the preset mappings/" + file + ".json is missing");
                }
                ImportMapping m = json.readValue(in.readAllBytes(), ImportMapping.class);
                List<FieldError> problems = m.problems();
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the preset mappings/" + file + ".json is invalid: " + problems);
                }
                presets.put(key(m.name()), m);
            } catch (IOException e) {
                throw new UncheckedIOException("the preset mappings/" + file + ".json cannot be read", e);
            }
        }
    }

    /** Every mapping: the presets first, then the saved ones by name. */
    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        presets.values().forEach(m -> out.add(new Listed(m.name(), true, m)));
        store.all().forEach((name, doc) -> out.add(new Listed(name, false, read(doc))));
        return out;
    }

    /** The mapping of this name (case aside), a preset or a saved one. */
    public Optional<ImportMapping> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        ImportMapping preset = presets.get(key(name));
        if (preset != null) {
            return Optional.of(preset);
        }
        return store.find(name.strip()).map(this::read).or(() -> list().stream().filter(l -> key(l.name()).equals(key(name)))
                .findFirst().map(Listed::mapping));
    }

    /** The mapping of this name, or 404 naming the ones there are. */
    public ImportMapping get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("no import mapping \"" + name + "\"; there are: "
                + String.join(", ", list().stream().map(Listed::name).toList())));
    }

    /** Saves a mapping under its name (administrators and supervisors); a preset's name is refused. */
    public ImportMapping save(Viewer viewer, ImportMapping mapping) {
        mayChange(viewer);
        List<FieldError> problems = new ArrayList<>(mapping.problems());
        if (mapping.name() != null && presets.containsKey(key(mapping.name()))) {
            problems.add(FieldError.of("name", "mapping.error.preset"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = mapping.name().strip();
        ImportMapping normal = new ImportMapping(name, mapping.format(), mapping.headerLine(), mapping.columns(),
                mapping.constants(), mapping.values(), mapping.timeFormat(), mapping.timeZone(), mapping.skipRowsStartingWith());
        try {
            store.save(name, json.writeValueAsString(normal), viewer.username(), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return normal;
    }

    public void delete(Viewer viewer, String name) {
        mayChange(viewer);
        if (presets.containsKey(key(name))) {
            throw new InvalidInputException(List.of(FieldError.of("name", "mapping.error.preset")));
        }
        if (!store.delete(name)) {
            throw new NotFoundException("no saved import mapping \"" + name + "\"");
        }
    }

    private static void mayChange(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Administrators and supervisors keep the import mappings");
        }
    }

    private ImportMapping read(String doc) {
        try {
            return json.readValue(doc, ImportMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored import mapping cannot be read", e);
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
