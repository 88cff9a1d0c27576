package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.csv.CsvRecordReader;
import com.servicecoach.csv.CsvSeparator;
import com.servicecoach.csv.ImportSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transcript import, for helpdesk exports too large to carry the conversation in the interaction file: a CSV
 * with the columns {@code external_id}, {@code transcript} and optionally {@code source} (default: the one given,
 * else "default"), one conversation per row, keyed like the interaction, which must already be imported (for a
 * supervisor: an interaction handled or owned by an agent of a team they lead). A row with a problem is reported
 * with its line and stores nothing; the other rows replace the interactions' transcripts. Streamed: the rows are
 * stored 200 at a time, and at most {@value #MAX_ERRORS} rejected rows are listed (the rest are counted).
 */
@Singleton
public class TranscriptImport {

    static final int MAX_ERRORS = 1_000;
    private static final int BATCH = 200;
    private static final List<String> COLUMNS = List.of(ImportHeader.EXTERNAL_ID, ImportHeader.SOURCE, ImportHeader.TRANSCRIPT);

    private final InteractionStore store;
    private final AgentService agents;
    private final Clock clock;

    TranscriptImport(InteractionStore store, AgentService agents, Clock clock) {
        this.store = store;
        this.agents = agents;
        this.clock = clock;
    }

    /** The result: {@code fileRejected} when the header was unusable (nothing stored, one error at line 1). */
    public record Result(boolean fileRejected, ImportSummary summary) {
    }

    public Result run(Viewer viewer, InputStream input, Charset charset, @Nullable String defaultSource) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new com.servicecoach.web.ForbiddenException("Only administrators and supervisors import transcripts");
        }
        Set<Long> teams = viewer.isAdmin() ? null
                : agents.visibleTeams(viewer).stream().map(Team::id).collect(Collectors.toSet());
        CsvSeparator sniffed = CsvSeparator.sniff(new InputStreamReader(input, charset));
        try (CsvRecordReader csv = new CsvRecordReader(sniffed.reader(), CsvRecordReader.DEFAULT_MAX_RECORD_CHARS, sniffed.separator())) {
            Run run = new Run(teams, defaultSource == null ? "default" : defaultSource);
            String headerProblem = run.header(csv);
            if (headerProblem != null) {
                return new Result(true, new ImportSummary(0, 0, 0, 0, 0, List.of(new ImportSummary.LineError(1, headerProblem))));
            }
            while (csv.next()) {
                run.row(csv);
            }
            run.flush();
            return new Result(false, run.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Run {
        private final @Nullable Set<Long> teams;
        private final String defaultSource;
        private final int[] position = new int[COLUMNS.size()];
        private int columns;
        private long received;
        private long inserted;
        private long updated;
        private long rejected;
        private final List<ImportSummary.LineError> errors = new ArrayList<>();
        private final Map<InteractionStore.Key, Pending> batch = new LinkedHashMap<>();

        private record Pending(int line, String text) {
        }

        Run(@Nullable Set<Long> teams, String defaultSource) {
            this.teams = teams;
            this.defaultSource = defaultSource;
        }

        @Nullable
        String header(CsvRecordReader csv) throws IOException {
            if (!csv.next()) {
                return "the file is empty: the first line must be the header (external_id, transcript and optionally source)";
            }
            if (csv.error() != null) {
                return "the header is not valid CSV: " + csv.error();
            }
            java.util.Arrays.fill(position, -1);
            columns = csv.size();
            List<String> duplicates = new ArrayList<>();
            for (int i = 0; i < csv.size(); i++) {
                String name = csv.get(i).strip().toLowerCase(Locale.ROOT);
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                int o = COLUMNS.indexOf(name);
                if (o >= 0) {
                    if (position[o] >= 0) {
                        duplicates.add(name);
                    }
                    position[o] = i;
                }
            }
            List<String> missing = new ArrayList<>();
            if (position[0] < 0) {
                missing.add(ImportHeader.EXTERNAL_ID);
            }
            if (position[2] < 0) {
                missing.add(ImportHeader.TRANSCRIPT);
            }
            if (!missing.isEmpty()) {
                return "header lacks required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " (required: external_id, transcript; optional: source)";
            }
            if (!duplicates.isEmpty()) {
                return "header names column" + (duplicates.size() > 1 ? "s " : " ") + String.join(", ", duplicates) + " more than once";
            }
            return null;
        }

        void row(CsvRecordReader csv) {
            received++;
            int line = csv.line();
            if (csv.error() != null) {
                reject(line, "not valid CSV: " + csv.error());
                return;
            }
            if (csv.size() != columns) {
                reject(line, "row has " + csv.size() + (csv.size() == 1 ? " field" : " fields") + " but the header has " + columns + " columns");
                return;
            }
            List<String> problems = new ArrayList<>();
            String externalId = identifier(csv, 0, true, problems);
            String source = identifier(csv, 1, false, problems);
            String text = csv.get(position[2]).strip();
            if (text.isEmpty()) {
                problems.add("transcript: is required but empty");
            } else {
                String why = Transcript.problem(text);
                if (why != null) {
                    problems.add("transcript: " + why);
                }
            }
            if (!problems.isEmpty()) {
                reject(line, String.join("; ", problems));
                return;
            }
            InteractionStore.Key key = new InteractionStore.Key(source == null ? defaultSource : source, externalId);
            if (batch.containsKey(key)) {
                flush(); // the later row of the same conversation replaces the earlier one, in file order
            }
            batch.put(key, new Pending(line, text));
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        @Nullable
        private String identifier(CsvRecordReader csv, int column, boolean required, List<String> problems) {
            String name = COLUMNS.get(column);
            String s = position[column] < 0 ? "" : csv.get(position[column]).strip();
            if (s.isEmpty()) {
                if (required) {
                    problems.add(name + ": is required but empty");
                }
                return null;
            }
            if (s.length() > InteractionCsvReader.MAX_ID_CHARS || s.chars().anyMatch(Character::isISOControl)) {
                problems.add(name + ": must be at most " + InteractionCsvReader.MAX_ID_CHARS + " printable characters");
                return null;
            }
            return s;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<InteractionStore.Key, InteractionStore.KnownKey> known = store.known(batch.keySet());
            Set<InteractionStore.Key> existing = store.withTranscript(known.keySet());
            Map<InteractionStore.Key, String> write = new LinkedHashMap<>();
            batch.forEach((key, p) -> {
                InteractionStore.KnownKey k = known.get(key);
                if (k == null) {
                    reject(p.line(), "external_id: no interaction has the external_id '" + key.externalId() + "' and the source '"
                            + key.source() + "' (import the interactions first)");
                } else if (teams != null && !teams.contains(k.agentTeamId()) && !teams.contains(k.ownerTeamId())) {
                    reject(p.line(), "external_id: '" + key.externalId() + "' (source '" + key.source()
                            + "') is an interaction of an agent of a team you do not lead");
                } else {
                    write.put(key, p.text());
                    if (existing.contains(key)) {
                        updated++;
                    } else {
                        inserted++;
                    }
                }
            });
            store.storeTranscripts(write, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            batch.clear();
        }

        private void reject(int line, String message) {
            rejected++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new ImportSummary.LineError(line, message));
            }
        }

        ImportSummary summary() {
            errors.sort(java.util.Comparator.comparingInt(ImportSummary.LineError::line));
            return new ImportSummary(received, inserted, updated, 0, rejected, List.copyOf(errors));
        }
    }
}
