package com.servicecoach.report;

import com.servicecoach.Command;
import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import com.servicecoach.web.Messages;
import com.servicecoach.web.StatusException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code report --period 2026-03|2026-Q1|2026|2026-03-01..2026-03-15 [--team NAME] [--formats pdf,csv,xlsx,html]
 * [--out DIR] [--lang en|zh-CN]}: writes a performance report's files into DIR (default: the configured
 * {@code servicecoach.reports.directory}, {@code reports/}), named as {@link ReportFiles#name} says, and prints
 * their paths. Every team is in scope (whoever runs it has the database already); each file is recorded in the
 * report audit as exported by {@code command-line}. Exit code 0 when written, 1 when the team does not exist or
 * writing failed, 2 for bad arguments.
 */
@Singleton
public class ReportCommand implements Command {

    static final String USAGE = "usage: report --period 2026-03|2026-Q1|2026|2026-03-01..2026-03-15 [--team NAME] "
            + "[--formats pdf,csv,xlsx,html] [--out DIR] [--lang en|zh-CN]";
    static final String USER = "command-line";
    static final String DEFAULT_FORMATS = "pdf,csv,xlsx,html";

    private final ReportFiles files;
    private final String directory;

    ReportCommand(ReportFiles files, @Value("${servicecoach.reports.directory:reports}") String directory) {
        this.files = files;
        this.directory = directory;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String period = null;
        String team = null;
        String formats = DEFAULT_FORMATS;
        String dir = directory;
        String lang = "en";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!List.of("--period", "--team", "--formats", "--out", "--lang").contains(a)) {
                err.println("unexpected argument " + a + "\n" + USAGE);
                return 2;
            }
            if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                err.println(a + " needs a value\n" + USAGE);
                return 2;
            }
            String v = args.get(++i);
            switch (a) {
                case "--period" -> period = v;
                case "--team" -> team = v;
                case "--formats" -> formats = v;
                case "--out" -> dir = v;
                default -> lang = v;
            }
        }
        if (period == null) {
            err.println("--period is required\n" + USAGE);
            return 2;
        }
        ReportPeriod p;
        List<ReportFormat> chosen;
        try {
            p = PerformanceReportService.checked(ReportPeriod.parse(period));
            chosen = ReportFormat.parseList(formats);
        } catch (IllegalArgumentException | StatusException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (!lang.equals("en") && !lang.equals("zh-CN")) {
            err.println("--lang must be en or zh-CN, was " + lang + "\n" + USAGE);
            return 2;
        }
        if (java.nio.file.Files.exists(Path.of(dir)) && !java.nio.file.Files.isDirectory(Path.of(dir))) {
            err.println("--out " + dir + " is a file, not a folder\n" + USAGE);
            return 2;
        }
        Locale locale = Messages.fromTag(lang);
        try {
            long started = System.nanoTime();
            List<Path> written = files.write(USER, p, team, chosen, Path.of(dir), locale);
            written.forEach(path -> out.println(path));
            out.printf(Locale.ROOT, "performance report %s, %s: %d file(s) in %.1f s%n", p.label(),
                    team == null ? "all teams" : team, written.size(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (StatusException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("writing into " + dir + " failed: " + e);
            return 1;
        }
    }
}
