package com.servicecoach.agent;

import com.servicecoach.account.Viewer;
import com.servicecoach.csv.CsvRecordReader;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.web.FieldError;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.web.Messages;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Agent CSV import: header {@code employee_no,name,email,team,channels,hired_on,status,helpdesk_id} (any order;
 * channels separated by ';'; hired_on, status and helpdesk_id optional). Each row creates or updates one agent; a
 * bad row is reported with its line and changes nothing, good rows are stored. Without a helpdesk_id column an
 * existing agent keeps their helpdesk user id; an empty helpdesk_id cell clears it.
 */
@Singleton
public class AgentImport {

    static final List<String> REQUIRED = List.of("employee_no", "name", "email", "team", "channels");
    static final List<String> OPTIONAL = List.of("hired_on", "status", "helpdesk_id");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("employeeNo", "employee_no", "hiredOn", "hired_on",
            "helpdeskId", "helpdesk_id");

    private final AgentService service;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final Messages messages;

    AgentImport(AgentService service, AgentRepository agents, TeamRepository teams, Messages messages) {
        this.service = service;
        this.agents = agents;
        this.teams = teams;
        this.messages = messages;
    }

    @Transactional
    public ImportSummary run(Viewer viewer, Reader input) {
        service.requireManager(viewer);
        try (CsvRecordReader csv = new CsvRecordReader(input)) {
            if (!csv.next()) {
                throw headerProblem("the file is empty: the first line must be the header " + String.join(",", REQUIRED) + ","
                        + String.join(",", OPTIONAL));
            }
            int headerSize = csv.size();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < csv.size(); i++) {
                columns.putIfAbsent(csv.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw headerProblem("header lacks required columns " + String.join(", ", missing));
            }
            long received = 0, inserted = 0, updated = 0, unchanged = 0;
            List<ImportSummary.LineError> errors = new ArrayList<>();
            while (csv.next()) {
                received++;
                if (csv.error() != null) {
                    errors.add(new ImportSummary.LineError(csv.line(), csv.error()));
                    continue;
                }
                if (csv.size() != headerSize) {
                    errors.add(new ImportSummary.LineError(csv.line(),
                            "row has " + csv.size() + " fields but the header has " + headerSize));
                    continue;
                }
                Outcome outcome = row(viewer, csv, columns);
                switch (outcome.kind) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case REJECTED -> errors.add(new ImportSummary.LineError(csv.line(), outcome.message));
                }
            }
            return new ImportSummary(received, inserted, updated, unchanged, errors.size(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Kind { INSERTED, UPDATED, UNCHANGED, REJECTED }

    private record Outcome(Kind kind, String message) {
    }

    private Outcome row(Viewer viewer, CsvRecordReader csv, Map<String, Integer> columns) {
        String employeeNo = value(csv, columns, "employee_no");
        Optional<Agent> existing = employeeNo.isEmpty() ? Optional.empty() : agents.findByEmployeeNo(employeeNo);
        List<String> channels = Arrays.stream(value(csv, columns, "channels").split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String helpdeskId = columns.containsKey("helpdesk_id") ? value(csv, columns, "helpdesk_id") : null;
        AgentForm form = new AgentForm(employeeNo, value(csv, columns, "name"), value(csv, columns, "email"), helpdeskId,
                value(csv, columns, "team"), channels, value(csv, columns, "hired_on"), value(csv, columns, "status"));
        List<FieldError> problems = new ArrayList<>();
        AgentService.Validated v = service.check(form, existing.orElse(null), problems, teams::findByName);
        List<String> messagesForRow = problems.stream()
                .map(p -> column(p.field()) + ": " + messages.get(Locale.ENGLISH, p.key(), p.args().toArray()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (messagesForRow.isEmpty()) {
            service.importScopeProblem(viewer, existing.orElse(null), v.team()).ifPresent(messagesForRow::add);
        }
        if (!messagesForRow.isEmpty()) {
            return new Outcome(Kind.REJECTED, String.join("; ", messagesForRow));
        }
        String channelText = String.join(";", v.channels());
        if (existing.isEmpty()) {
            agents.save(new Agent(null, v.employeeNo(), v.name(), v.email(), v.helpdeskId(), v.team().id(), channelText,
                    v.hiredOn(), v.status(), service.now()));
            return new Outcome(Kind.INSERTED, null);
        }
        Agent a = existing.get();
        Agent changed = new Agent(a.id(), a.employeeNo(), v.name(), v.email(), v.helpdeskId(), v.team().id(), channelText,
                v.hiredOn(), v.status(), a.updatedAt());
        if (changed.equals(a)) {
            return new Outcome(Kind.UNCHANGED, null);
        }
        agents.update(new Agent(a.id(), a.employeeNo(), v.name(), v.email(), v.helpdeskId(), v.team().id(), channelText,
                v.hiredOn(), v.status(), service.now()));
        return new Outcome(Kind.UPDATED, null);
    }

    private static String value(CsvRecordReader csv, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= csv.size() ? "" : csv.get(i).trim();
    }

    private static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static CsvHeaderException headerProblem(String message) {
        return new CsvHeaderException(1, message);
    }
}
