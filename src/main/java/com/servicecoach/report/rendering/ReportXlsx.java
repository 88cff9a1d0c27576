package com.servicecoach.report.rendering;

import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.scoring.Scorecard;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report as an Excel workbook: sheet "Agents" with the CSV's columns and rows (numbers as numbers, an
 * absent figure an empty cell), sheet "Teams" with the team comparison (training, certifications and coaching
 * included), and sheet "Report" saying which period
 * and scope, the data cut-off, the settings and the thresholds.
 */
final class ReportXlsx {

    static final String AGENTS = "Agents";
    static final String TEAMS = "Teams";
    static final String ABOUT = "Report";

    static final List<String> TEAM_COLUMNS = List.of("team", "supervisor", "agents", "interactions", "frt_median_seconds",
            "frt_p90_seconds", "first_response_sla_percent", "resolution_sla_percent", "csat_percent", "average_rating",
            "rated", "insufficient_ratings", "knowledge_percent", "composite_score", "previous_composite_score",
            "composite_change", "training_assigned", "training_completed", "training_open", "training_overdue",
            "training_completed_percent", "certifications_valid", "certifications_expiring", "certifications_expired",
            "coaching_sessions_held", "coaching_actions_done", "coaching_actions_overdue");

    private ReportXlsx() {
    }

    static byte[] write(PerformanceReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384 + r.agents().size() * 400);
        write(r, bytes);
        return bytes.toByteArray();
    }

    /** Writes the workbook to {@code sink} as it goes (fastexcel streams each sheet; the sink is left open). */
    static void write(PerformanceReport r, java.io.OutputStream sink) {
        try {
            Workbook wb = new Workbook(new java.io.FilterOutputStream(sink) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, "ServiceCoach", "1.0");
            Worksheet agents = wb.newWorksheet(AGENTS);
            header(agents, AgentColumns.ALL.stream().map(AgentColumns.Column::header).toList());
            int row = 1;
            for (PerformanceReport.AgentRow a : r.agents()) {
                for (int c = 0; c < AgentColumns.ALL.size(); c++) {
                    cell(agents, row, c, AgentColumns.ALL.get(c).value().apply(a));
                }
                row++;
            }
            agents.freezePane(3, 1);

            Worksheet teams = wb.newWorksheet(TEAMS);
            header(teams, TEAM_COLUMNS);
            row = 1;
            for (PerformanceReport.TeamRow t : r.teams()) {
                Scorecard s = t.scorecard();
                PerformanceReport.CertificationCounts cc = t.certifications();
                List<Object> values = Arrays.asList(t.team(), t.supervisor(), t.agents(), s.interactions(), s.frtMedianSeconds(),
                        s.frtP90Seconds(), s.firstResponseSla().percent(), s.resolutionSla().percent(), s.csatPercent(),
                        s.averageRating(), s.rated(), s.insufficientRatings(), s.knowledgePercent(), s.composite().score(),
                        t.previousCompositeScore(), t.compositeChange(), t.training().assigned(), t.training().completed(),
                        t.training().open(), t.training().overdue(), t.training().completedPercent(),
                        cc == null ? null : cc.valid(), cc == null ? null : cc.expiring(), cc == null ? null : cc.expired(),
                        t.coaching().sessionsHeld(), t.coaching().actionsDone(), t.coaching().actionsOverdue());
                for (int c = 0; c < values.size(); c++) {
                    cell(teams, row, c, values.get(c));
                }
                row++;
            }
            teams.freezePane(1, 1);

            Worksheet about = wb.newWorksheet(ABOUT);
            header(about, List.of("item", "value"));
            row = 1;
            for (Object[] kv : about(r)) {
                cell(about, row, 0, kv[0]);
                cell(about, row, 1, kv[1]);
                row++;
            }
            about.width(0, 28);
            about.width(1, 40);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object[]> about(PerformanceReport r) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"period", r.period().label()});
        rows.add(new Object[]{"from", r.period().from()});
        rows.add(new Object[]{"to", r.period().to()});
        rows.add(new Object[]{"previous_from", r.previousPeriod().from()});
        rows.add(new Object[]{"previous_to", r.previousPeriod().to()});
        rows.add(new Object[]{"team", r.team() == null ? "all teams" : r.team()});
        rows.add(new Object[]{"data_cutoff_utc", r.dataCutoff()});
        rows.add(new Object[]{"settings_version", r.settings().version()});
        rows.add(new Object[]{"settings_hash", r.settings().hash()});
        rows.add(new Object[]{"organization_zone", r.settings().organizationZone()});
        rows.add(new Object[]{"min_rated", r.settings().minRated()});
        if (r.settings().weights() != null) {
            rows.add(new Object[]{"weight_responsiveness", r.settings().weights().responsiveness()});
            rows.add(new Object[]{"weight_resolution", r.settings().weights().resolution()});
            rows.add(new Object[]{"weight_satisfaction", r.settings().weights().satisfaction()});
            rows.add(new Object[]{"weight_knowledge", r.settings().weights().knowledge()});
        }
        if (r.settings().channels() != null) {
            r.settings().channels().forEach((channel, cs) -> {
                rows.add(new Object[]{channel + "_first_response_target_seconds", cs.firstResponseSeconds()});
                rows.add(new Object[]{channel + "_resolution_target_seconds", cs.resolutionSeconds()});
                rows.add(new Object[]{channel + "_calendar", cs.calendar() == null ? null : cs.calendar().type()});
            });
        }
        rows.add(new Object[]{"threshold_csat_min", r.thresholds().csatMin()});
        rows.add(new Object[]{"threshold_first_response_min", r.thresholds().firstResponseMin()});
        rows.add(new Object[]{"threshold_resolution_min", r.thresholds().resolutionMin()});
        rows.add(new Object[]{"threshold_knowledge_min", r.thresholds().knowledgeMin()});
        rows.add(new Object[]{"flag_bottom_percent", r.thresholds().bottomPercent()});
        rows.add(new Object[]{"flag_below_team_points", r.thresholds().belowTeamPoints()});
        rows.add(new Object[]{"training_as_of", r.training().asOf()});
        rows.add(new Object[]{"coaching_as_of", r.coaching().asOf()});
        rows.add(new Object[]{"agents", r.agents().size()});
        rows.add(new Object[]{"flagged_agents", r.flagged().size()});
        return rows;
    }

    private static void header(Worksheet ws, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            ws.value(0, c, names.get(c));
            ws.style(0, c).bold().set();
        }
    }

    private static void cell(Worksheet ws, int row, int col, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            ws.value(row, col, n);
        } else if (v instanceof Boolean b) {
            ws.value(row, col, b);
        } else {
            ws.value(row, col, String.valueOf(v));
        }
    }
}
