package com.servicecoach.benchmark;

import com.servicecoach.Command;
import com.servicecoach.account.AccountService;
import com.servicecoach.account.PasswordHasher;
import com.servicecoach.account.UserChange;
import com.servicecoach.account.UserForm;
import com.servicecoach.csv.CsvRecordReader;
import com.servicecoach.database.Database;
import com.servicecoach.demo.InteractionGenerator;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code benchmark [options]} (see {@link #USAGE}): measures, in
 * one run on one machine (benchmarks.md), against the MySQL database chosen with {@code JDBC_URL}:
 * <ol>
 *   <li>import rows/s of seeded synthetic interactions through the application's own import path (HTTP,
 *       {@code POST /api/interactions/import}, streamed), and the ratio to MySQL's {@code LOAD DATA LOCAL INFILE}
 *       of the same file into a table with the same indexes;</li>
 *   <li>the JVM's peak heap use during that import (sampled every 20 ms, and the largest heap left after a
 *       garbage collection);</li>
 *   <li>p50 and p99 latency over HTTP, with a bearer token, of a random agent's calendar month scorecard and of a
 *       random team's (50 agents) calendar month scorecard: 50 warm-up requests, then 200 measured; the same over
 *       a whole year;</li>
 *   <li>HR's all-teams report as JSON for a month, a quarter and a year, and the month as PDF with its peak heap;</li>
 *   <li>the rollup rebuild after a change of calendars;</li>
 *   <li>the exam load ({@link ExamLoad}): 500 agent users start the same assessment at the same instant, then save
 *       answers at random times over 60 s (an autosave every 30 s): time until all had started, start and save
 *       p50/p99, errors.</li>
 * </ol>
 * {@code --quick} runs the same at 1 M interactions; {@code --exam-only} runs only the exam load, on the data
 * already stored.
 * The database must be empty or hold only an earlier benchmark's data, which is replaced. Run it with
 * {@code -Xmx512m} so the memory goal is enforced, not only measured.
 */
@Singleton
public class BenchmarkCommand implements Command {

    static final String USAGE = "usage: benchmark [--interactions 10000000 | --quick] [--agents 1000] [--teams 20] [--months 12] "
            + "[--seed 42] [--dir DIR] [--exam-agents 500] [--exam-module complaint-handling] [--exam-only | --skip-exam] [--help]\n"
            + "  --quick        the same benchmark at 1,000,000 interactions, for a developer's check\n"
            + "  --exam-only    only the exam load, on the agents and interactions already stored\n"
            + "  --skip-exam    everything but the exam load\n"
            + "  JDBC_URL must select a MySQL database, with rewriteBatchedStatements=true&allowLoadLocalInfile=true";
    static final String PREFIX = "BM";
    static final String USER = "bench.admin";
    static final int WARM_UP = 50;
    static final int MEASURED = 200;
    static final String EXAM_USER_PREFIX = "bm.exam.";
    static final Duration EXAM_WINDOW = Duration.ofSeconds(60);
    static final Duration AUTOSAVE = Duration.ofSeconds(30);

    private final Database db;
    private final AccountService accounts;
    private final EmbeddedServer server;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final JsonMapper json;

    BenchmarkCommand(Database db, AccountService accounts, EmbeddedServer server, Clock clock, PasswordHasher hasher,
                     JsonMapper json) {
        this.hasher = hasher;
        this.json = json;
        this.db = db;
        this.accounts = accounts;
        this.server = server;
        this.clock = clock;
    }

    record Options(long interactions, int agents, int teams, int months, long seed, Path dir, int examAgents,
                   String examModule, boolean examOnly, boolean skipExam, boolean help) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (o.help()) {
            out.println(USAGE);
            return 0;
        }
        if (!db.isMySql()) {
            err.println("The benchmark needs MySQL: set JDBC_URL (and JDBC_USER, JDBC_PASSWORD).\n" + USAGE);
            return 2;
        }
        try {
            return benchmark(o, out);
        } catch (SQLException e) {
            err.println("database error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static Options parse(List<String> args) {
        Long interactions = null;
        boolean quick = false;
        int agents = 1000;
        int teams = 20;
        int months = 12;
        long seed = 42;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        int examAgents = 500;
        String examModule = "complaint-handling";
        boolean examOnly = false;
        boolean skipExam = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> {
                    quick = true;
                    continue;
                }
                case "--exam-only" -> {
                    examOnly = true;
                    continue;
                }
                case "--skip-exam" -> {
                    skipExam = true;
                    continue;
                }
                case "--help", "-h" -> {
                    help = true;
                    continue;
                }
                default -> {
                }
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--interactions" -> interactions = Long.parseLong(v.replace("_", ""));
                    case "--agents" -> agents = Integer.parseInt(v);
                    case "--teams" -> teams = Integer.parseInt(v);
                    case "--months" -> months = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--exam-agents" -> examAgents = Integer.parseInt(v);
                    case "--exam-module" -> examModule = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a whole number, not " + v);
            }
        }
        long count = interactions != null ? interactions : quick ? 1_000_000 : 10_000_000;
        if (count < 1 || agents < 1 || teams < 1 || teams > agents || months < 1 || months > 120) {
            throw new IllegalArgumentException("need interactions >= 1, 1 <= teams <= agents, 1 <= months <= 120");
        }
        if (examAgents < 1 || examAgents > agents) {
            throw new IllegalArgumentException("need 1 <= exam-agents <= agents");
        }
        if (examOnly && skipExam) {
            throw new IllegalArgumentException("--exam-only and --skip-exam exclude each other");
        }
        if (!examModule.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("--exam-module needs a module code such as complaint-handling, not " + examModule);
        }
        return new Options(count, agents, teams, months, seed, dir, examAgents, examModule, examOnly, skipExam, help);
    }

    private int benchmark(Options o, PrintStream out) throws SQLException, IOException, InterruptedException {
        String version;
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            version = rs.getString(1);
        }
        if (o.examOnly()) {
            out.printf(Locale.ROOT, "ServiceCoach benchmark, exam load only: %d of the %d agents stored, module %s, seed %d%n",
                    o.examAgents(), o.agents(), o.examModule(), o.seed());
        } else {
            out.printf(Locale.ROOT, "ServiceCoach benchmark: %,d interactions, %d agents in %d teams, %d months, seed %d%n",
                    o.interactions(), o.agents(), o.teams(), o.months(), o.seed());
        }
        out.printf(Locale.ROOT, "machine: %d cores, JVM %s max heap %d MB, database %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, version);

        List<String> agentNos = prepare(o, out);
        String password = password();
        if (accounts.find(USER).isPresent()) {
            accounts.update(USER, new UserChange(null, true, password, null));
        } else {
            accounts.create(new UserForm(USER, password, "ADMIN", null));
        }
        if (o.examOnly()) {
            if (!server.isRunning()) {
                server.start();
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return exam(o, agentNos, http, "http://localhost:" + server.getPort(), out);
        }

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        YearMonth first = last.minusMonths(o.months() - 1L);
        LocalDate from = first.atDay(1);
        LocalDate to = last.atEndOfMonth();

        Path file = Files.createTempFile(o.dir(), "servicecoach-bench-", ".csv");
        try {
            long t0 = System.nanoTime();
            long rows = generate(o, agentNos, from, to, zone, file);
            out.printf(Locale.ROOT, "generated %,d rows (%,d MB) for %s..%s in %.1f s%n", rows, Files.size(file) >> 20, from, to,
                    seconds(t0));

            if (!server.isRunning()) {
                server.start();
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + server.getPort();
            String token = token(http, base, password);

            // 1 + 2: the application's import, with the heap sampled meanwhile
            HeapSampler heap = new HeapSampler();
            System.gc();
            heap.start();
            long t1 = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/interactions/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofHours(6)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double importSeconds = seconds(t1);
            heap.stop();
            if (imported.statusCode() != 200) {
                out.println("import failed: HTTP " + imported.statusCode() + " " + imported.body());
                return 1;
            }
            String summary = imported.body().length() > 300 ? imported.body().substring(0, 300) + "..." : imported.body();
            long inserted = number(imported.body(), "inserted");
            double importRate = inserted / importSeconds;
            out.printf(Locale.ROOT, "import through the application: %,d rows in %.1f s = %,.0f rows/s (%s)%n", inserted,
                    importSeconds, importRate, summary);
            out.printf(Locale.ROOT, "JVM heap during the %,d-row import: peak used %d MB (sampled every 20 ms), "
                    + "largest after a collection %d MB, max heap %d MB%n", rows, heap.peakUsed() >> 20,
                    heap.peakAfterGc() >> 20, Runtime.getRuntime().maxMemory() >> 20);

            // 1: LOAD DATA of the same file into a table with the same indexes
            double loadSeconds = loadData(file, o.dir());
            double loadRate = rows / loadSeconds;
            out.printf(Locale.ROOT, "LOAD DATA LOCAL INFILE of the same rows: %.1f s = %,.0f rows/s; ratio application/LOAD DATA = %.2f%n",
                    loadSeconds, loadRate, importRate / loadRate);

            // 3: scorecard latencies
            Random random = new Random(o.seed());
            List<String> teams = new ArrayList<>();
            for (int t = 1; t <= o.teams(); t++) {
                teams.add(teamName(t));
            }
            long[] agentTimes = latencies(http, base, token, random, o.months(), first, m -> {
                String agent = agentNos.get(random.nextInt(agentNos.size()));
                return "/api/scorecards/agents/" + agent + "?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth();
            });
            out.printf(Locale.ROOT, "agent month scorecard over HTTP: p50 %.1f ms, p99 %.1f ms (%d warm-up, %d measured)%n",
                    ms(percentile(agentTimes, 50)), ms(percentile(agentTimes, 99)), WARM_UP, MEASURED);
            long[] teamTimes = latencies(http, base, token, random, o.months(), first, m -> {
                String team = teams.get(random.nextInt(teams.size()));
                return "/api/scorecards/teams/" + team.replace(" ", "%20") + "?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth();
            });
            out.printf(Locale.ROOT, "team month scorecard (%d agents) over HTTP: p50 %.1f ms, p99 %.1f ms (%d warm-up, %d measured)%n",
                    o.agents() / o.teams(), ms(percentile(teamTimes, 50)), ms(percentile(teamTimes, 99)), WARM_UP, MEASURED);
            // 4: the same scorecards over a whole year (the stored days of twelve months)
            String yearFrom = first.atDay(1).toString();
            String yearTo = last.atEndOfMonth().toString();
            long[] agentYear = latencies(http, base, token, random, o.months(), first, m -> "/api/scorecards/agents/"
                    + agentNos.get(random.nextInt(agentNos.size())) + "?from=" + yearFrom + "&to=" + yearTo);
            out.printf(Locale.ROOT, "agent year scorecard over HTTP: p50 %.1f ms, p99 %.1f ms%n",
                    ms(percentile(agentYear, 50)), ms(percentile(agentYear, 99)));
            long[] teamYear = latencies(http, base, token, random, o.months(), first, m -> "/api/scorecards/teams/"
                    + teams.get(random.nextInt(teams.size())).replace(" ", "%20") + "?from=" + yearFrom + "&to=" + yearTo);
            out.printf(Locale.ROOT, "team year scorecard over HTTP: p50 %.1f ms, p99 %.1f ms%n",
                    ms(percentile(teamYear, 50)), ms(percentile(teamYear, 99)));

            // 4b: customer surveys: a fifth of the resolved contacts answered every dimension, the stored days built
            // in the background, then the all-teams survey figures of a month and of the year
            surveys(o, http, base, token, last, yearFrom, yearTo, out);

            // 5: HR's all-teams report as JSON for a month, a quarter and a year, and the month as PDF
            YearMonth quarterEnd = last.getMonthValue() % 3 == 0 ? last : last.minusMonths(last.getMonthValue() % 3);
            String[][] periods = {
                    {"month", last.atDay(1).toString(), last.atEndOfMonth().toString()},
                    {"quarter", quarterEnd.minusMonths(2).atDay(1).toString(), quarterEnd.atEndOfMonth().toString()},
                    {"year", yearFrom, yearTo}};
            for (String[] p : periods) {
                get(http, base, token, "/api/reports/performance?from=" + p[1] + "&to=" + p[2]); // warm-up
                long t = System.nanoTime();
                get(http, base, token, "/api/reports/performance?from=" + p[1] + "&to=" + p[2]);
                out.printf(Locale.ROOT, "all-teams report JSON, %s (%s..%s): %.2f s%n", p[0], p[1], p[2], seconds(t));
            }
            // the training impact of a quarter's completions (every module's figures, every agent's days and the rows
            // of the categories modules address, the quarter and 28 days either side)
            String impactQuery = "/api/training/impact?from=" + periods[1][1] + "&to=" + periods[1][2];
            get(http, base, token, impactQuery); // warm-up
            long ti = System.nanoTime();
            get(http, base, token, impactQuery);
            out.printf(Locale.ROOT, "training impact JSON, quarter (%s..%s): %.2f s%n", periods[1][1], periods[1][2], seconds(ti));
            HeapSampler pdfHeap = new HeapSampler();
            System.gc();
            pdfHeap.start();
            long tp = System.nanoTime();
            long pdfBytes = get(http, base, token, "/api/reports/performance.pdf?from=" + periods[0][1] + "&to=" + periods[0][2]);
            double pdfSeconds = seconds(tp);
            pdfHeap.stop();
            out.printf(Locale.ROOT, "all-teams month PDF (%d agents): %.1f s, %,d KB; heap peak used %d MB, largest after a collection %d MB%n",
                    o.agents(), pdfSeconds, pdfBytes >> 10, pdfHeap.peakUsed() >> 20, pdfHeap.peakAfterGc() >> 20);

            // 6: the rollup rebuild after a change of calendars (a holiday on the email calendar)
            long tr = System.nanoTime();
            HttpResponse<String> settings = http.send(HttpRequest.newBuilder(URI.create(base + "/api/settings"))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = settings.body();
            int email = body.indexOf("\"email\"");
            String changed = body.substring(0, email) + body.substring(email)
                    .replaceFirst("\"holidays\"\\s*:\\s*\\[[^\\]]*\\]", "\"holidays\":[\"" + last.atDay(15) + "\"]");
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/settings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(changed)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                out.println("changing the settings failed: HTTP " + put.statusCode() + " " + put.body());
                return 1;
            }
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/rollups/rebuild")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String status = "";
            while (!status.contains("\"current\":true") && seconds(tr) < 3600) {
                Thread.sleep(500);
                status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/rollups")).header("Authorization", "Bearer " + token)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            out.printf(Locale.ROOT, "rollup rebuild after a calendar change: %.1f s for %,d interactions%n", seconds(tr), count("interaction"));
            out.printf(Locale.ROOT, "stored interactions: %,d; load average: %s%n", count("interaction"), loadAverage());
            return o.skipExam() ? 0 : exam(o, agentNos, http, base, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Empties the interaction tables, and creates the benchmark's teams and agents unless they exist. */
    /**
     * Survey responses to a fifth of the resolved contacts (every dimension of the reference survey, scores spread
     * over 1-10 by the contact's id), written by SQL; the time the stored survey days take to build, and the
     * all-teams survey figures of the last month and of the year.
     */
    private void surveys(Options o, HttpClient http, String base, String token, YearMonth last, String yearFrom, String yearTo,
                         PrintStream out) throws SQLException, IOException, InterruptedException {
        long tw = System.nanoTime();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from survey_answer");
            s.executeUpdate("delete from survey");
            s.executeUpdate("delete from survey_day");
            s.executeUpdate("delete from survey_stale");
            s.executeUpdate("delete from survey_rollup_state");
            s.executeUpdate("insert into survey (interaction_id, agent_id, channel, category, created_at, version, origin, source, "
                    + "answered_at, complete, updated_at) select id, agent_id, channel, category, created_at, 0, 'import', 'benchmark', "
                    + "resolved_at, true, resolved_at from interaction where resolved_at is not null and mod(id, 5) = 0");
            List<String> codes = com.servicecoach.survey.SurveyDefinition.reference().codes();
            for (int k = 0; k < codes.size(); k++) {
                s.executeUpdate("insert into survey_answer (interaction_id, dimension, score) select interaction_id, '" + codes.get(k)
                        + "', 1 + mod(interaction_id * " + (3 + 2 * k) + " + " + k + ", 10) from survey");
            }
        }
        long responses = count("survey");
        out.printf(Locale.ROOT, "survey responses written by SQL: %,d (%,d answers) in %.1f s%n", responses, count("survey_answer"),
                seconds(tw));
        String month = "from=" + last.atDay(1) + "&to=" + last.atEndOfMonth();
        long tb = System.nanoTime();
        get(http, base, token, "/api/surveys/figures?" + month); // finds the days missing: built in the background
        String status = "";
        while (!"current".equals(status) && seconds(tb) < 3600) {
            Thread.sleep(500);
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select status from survey_rollup_state where id = 1")) {
                status = rs.next() ? rs.getString(1) : "";
            }
        }
        out.printf(Locale.ROOT, "survey rollup build: %.1f s for %,d responses (%,d agent days)%n", seconds(tb), responses,
                count("survey_day"));
        for (String[] p : new String[][]{{"month", month}, {"year", "from=" + yearFrom + "&to=" + yearTo}}) {
            get(http, base, token, "/api/surveys/figures?" + p[1]); // warm-up
            long t = System.nanoTime();
            get(http, base, token, "/api/surveys/figures?" + p[1]);
            out.printf(Locale.ROOT, "all-teams survey figures JSON, %s: %.2f s%n", p[0], seconds(t));
        }
    }

    private List<String> prepare(Options o, PrintStream out) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from agent where employee_no not like '" + PREFIX + "%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new SQLException("this database holds agents other than the benchmark's: use an empty database");
                }
            }
            deleteExamAttempts(s);
            if (!o.examOnly()) {
                s.execute("set foreign_key_checks = 0");
                s.execute("truncate table interaction_import_rejection");
                s.execute("truncate table interaction");
                s.execute("truncate table interaction_import");
                s.execute("set foreign_key_checks = 1");
                s.execute("drop table if exists interaction_load_bench");
            }
            List<String> nos = new ArrayList<>();
            for (int a = 1; a <= o.agents(); a++) {
                nos.add(String.format(Locale.ROOT, "%s%05d", PREFIX, a));
            }
            long existing;
            try (ResultSet rs = s.executeQuery("select count(*) from agent")) {
                rs.next();
                existing = rs.getLong(1);
            }
            if (existing == o.agents()) {
                return nos;
            }
            if (o.examOnly()) {
                throw new SQLException("--exam-only needs the " + o.agents() + " agents of an earlier run; this database holds "
                        + existing + " (run the benchmark once, or pass its --agents)");
            }
            s.execute("delete from agent");
            s.execute("delete from team where name like 'Bench %'");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            c.setAutoCommit(false);
            try (PreparedStatement team = c.prepareStatement("insert into team (name, supervisor) values (?, null)")) {
                for (int t = 1; t <= o.teams(); t++) {
                    team.setString(1, teamName(t));
                    team.addBatch();
                }
                team.executeBatch();
            }
            try (PreparedStatement agent = c.prepareStatement("insert into agent (employee_no, name, email, team_id, channels, "
                    + "hired_on, status, updated_at) values (?, ?, ?, (select id from team where name = ?), "
                    + "'chat;email;phone;social', null, 'active', ?)")) {
                for (int a = 1; a <= o.agents(); a++) {
                    agent.setString(1, nos.get(a - 1));
                    agent.setString(2, "Bench Agent " + a);
                    agent.setString(3, nos.get(a - 1).toLowerCase(Locale.ROOT) + "@bench.example");
                    agent.setString(4, teamName((a - 1) % o.teams() + 1));
                    agent.setObject(5, now);
                    agent.addBatch();
                }
                agent.executeBatch();
            }
            c.commit();
            out.printf(Locale.ROOT, "created %d teams and %d agents%n", o.teams(), o.agents());
            return nos;
        }
    }

    /** Removes the attempts of earlier exam loads (and what hangs off them), so each run starts from none. */
    private static void deleteExamAttempts(Statement s) throws SQLException {
        String attempts = "select id from assessment_attempt where agent_id in (select id from agent where employee_no like '"
                + PREFIX + "%')";
        String ids = idList(s, attempts);
        if (ids.isEmpty()) {
            return;
        }
        s.execute("delete from assessment_rubric_score where attempt_question_id in "
                + "(select id from assessment_attempt_question where attempt_id in (" + ids + "))");
        s.execute("delete from assessment_certification where attempt_id in (" + ids + ")");
        s.execute("delete from assessment_answer where attempt_id in (" + ids + ")");
        s.execute("delete from assessment_attempt_question where attempt_id in (" + ids + ")");
        s.execute("delete from assessment_attempt where id in (" + ids + ")");
    }

    private static String idList(Statement s, String query) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                b.append(b.isEmpty() ? "" : ",").append(rs.getLong(1));
            }
        }
        return b.toString();
    }

    /**
     * The exam load (step 7): the first {@code examAgents} benchmark agents get agent accounts (one password, hashed
     * once, written in one batch), sign in before the clock starts, then start and save as {@link ExamLoad} says.
     */
    private int exam(Options o, List<String> agentNos, HttpClient http, String base, PrintStream out)
            throws SQLException, IOException, InterruptedException {
        String password = password();
        List<String> usernames = examUsers(agentNos.subList(0, o.examAgents()), password);
        List<String> tokens = new ArrayList<>(usernames.size());
        long tl = System.nanoTime();
        for (String username : usernames) {
            tokens.add(token(http, base, username, password));
        }
        out.printf(Locale.ROOT, "exam load: %d agent users signed in (before the clock starts) in %.1f s%n", tokens.size(), seconds(tl));
        ExamLoad.Figures f = new ExamLoad(http, base, json).run(tokens, o.examModule(), o.seed(), EXAM_WINDOW, AUTOSAVE);
        out.printf(Locale.ROOT, "exam load, %d agents start %s at the same instant: all started within %.2f s; start p50 %.1f ms, "
                        + "p99 %.1f ms%n", f.takers(), o.examModule(), f.allStartedNanos() / 1e9,
                ms(percentile(f.starts(), 50)), ms(percentile(f.starts(), 99)));
        out.printf(Locale.ROOT, "exam load, %,d autosaves over %d s: p50 %.1f ms, p99 %.1f ms; errors %d; load average: %s%n",
                f.saves().length, EXAM_WINDOW.toSeconds(), f.saves().length == 0 ? 0 : ms(percentile(f.saves(), 50)),
                f.saves().length == 0 ? 0 : ms(percentile(f.saves(), 99)), f.errors().size(), loadAverage());
        for (String e : ExamLoad.sample(f.errors(), 5)) {
            out.println("  error: " + e);
        }
        return f.errors().isEmpty() ? 0 : 1;
    }

    /**
     * Creates or resets one agent account per agent, named bm.exam.00001..., all with {@code password}; sessions
     * left from an earlier run are ended.
     */
    private List<String> examUsers(List<String> agentNos, String password) throws SQLException {
        String hash = hasher.hash(password);
        List<String> usernames = new ArrayList<>(agentNos.size());
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            java.util.Set<String> existing = new java.util.HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select username from app_user where username like '" + EXAM_USER_PREFIX + "%'")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into app_user (username, password_hash, role, enabled, "
                    + "employee_no, locale, failed_sign_ins, locked_until, created_at) values (?, ?, 'AGENT', true, ?, null, 0, null, ?)");
                 PreparedStatement reset = c.prepareStatement("update app_user set password_hash = ?, role = 'AGENT', enabled = true, "
                         + "employee_no = ?, failed_sign_ins = 0, locked_until = null where username = ?")) {
                for (String no : agentNos) {
                    String username = EXAM_USER_PREFIX + no.substring(PREFIX.length());
                    usernames.add(username);
                    if (existing.contains(username)) {
                        reset.setString(1, hash);
                        reset.setString(2, no);
                        reset.setString(3, username);
                        reset.addBatch();
                    } else {
                        insert.setString(1, username);
                        insert.setString(2, hash);
                        insert.setString(3, no);
                        insert.setObject(4, now);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                reset.executeBatch();
            }
            // a new password ends the sessions of earlier runs, as a password change does
            try (PreparedStatement end = c.prepareStatement("update user_session set ended_at = ? where ended_at is null "
                    + "and user_id in (select id from app_user where username like '" + EXAM_USER_PREFIX + "%')")) {
                end.setObject(1, now);
                end.executeUpdate();
            }
            c.commit();
        }
        return usernames;
    }

    static String teamName(int t) {
        return String.format(Locale.ROOT, "Bench %02d", t);
    }

    private long generate(Options o, List<String> agentNos, LocalDate from, LocalDate to, ZoneId zone, Path file) throws IOException {
        double dayWeight = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dayWeight += d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.7 : 1.0;
        }
        double perAgentPerDay = o.interactions() / (agentNos.size() * dayWeight);
        List<InteractionGenerator.AgentProfile> profiles = InteractionGenerator.profiles(agentNos,
                agentNos.stream().map(a -> List.<String>of()).toList(), o.seed());
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            Instant now = to.plusDays(1).atStartOfDay(zone).toInstant();
            return InteractionGenerator.write(profiles, new InteractionGenerator.Options(o.seed(), from, to, zone, now,
                    perAgentPerDay, true, "B-").withCaseTypes(), w);
        }
    }

    /**
     * MySQL's own bulk load of the same rows, at its best: the file is first rewritten (not timed) into LOAD DATA's
     * native form, agent ids resolved, times in UTC as {@code YYYY-MM-DD HH:MM:SS}, ratings on the 1-10 scale, so
     * that the timed part is the server parsing and storing rows, as the import's is.
     */
    private double loadData(Path file, Path dir) throws SQLException, IOException {
        Map<String, Long> agentIds = new HashMap<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select employee_no, id from agent")) {
            while (rs.next()) {
                agentIds.put(rs.getString(1), rs.getLong(2));
            }
        }
        Path native_ = Files.createTempFile(dir, "servicecoach-bench-load-", ".tsv");
        try {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 Writer out = new BufferedWriter(Files.newBufferedWriter(native_, StandardCharsets.UTF_8), 1 << 16)) {
                CsvRecordReader csv = new CsvRecordReader(in);
                csv.next(); // header
                StringBuilder line = new StringBuilder(200);
                while (csv.next()) {
                    line.setLength(0);
                    String rating = csv.get(7);
                    line.append(csv.get(0)).append('\t').append(agentIds.get(csv.get(1))).append('\t').append(csv.get(2))
                            .append('\t').append(csv.get(3)).append('\t').append(sqlTime(csv.get(4))).append('\t')
                            .append(sqlTime(csv.get(5))).append('\t').append(sqlTime(csv.get(6))).append('\t')
                            .append(rating.isEmpty() ? "\\N" : Integer.toString(Integer.parseInt(rating)
                                    * (csv.get(8).equals("5") ? 2 : 1)))
                            .append('\t').append(csv.get(9).isEmpty() ? "\\N" : csv.get(9).replace("\\", "\\\\")
                                    .replace("\t", "\\t").replace("\n", "\\n"))
                            .append('\n');
                    out.append(line);
                }
            }
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("drop table if exists interaction_load_bench");
                s.execute("create table interaction_load_bench like interaction");
                String sql = "load data local infile '" + native_.toAbsolutePath().toString().replace("'", "''") + "' "
                        + "into table interaction_load_bench character set utf8mb4 "
                        + "(external_id, agent_id, channel, category, created_at, first_response_at, resolved_at, rating, comment) "
                        + "set source = 'default', updated_at = utc_timestamp(6)";
                long t = System.nanoTime();
                s.execute(sql);
                double took = seconds(t);
                s.execute("drop table interaction_load_bench");
                return took;
            }
        } finally {
            Files.deleteIfExists(native_);
        }
    }

    /** 2026-03-02T01:15:00Z as 2026-03-02 01:15:00, or \N. */
    private static String sqlTime(String iso) {
        if (iso.isEmpty()) {
            return "\\N";
        }
        return iso.substring(0, 10) + ' ' + iso.substring(11, iso.length() - 1);
    }

    private long[] latencies(HttpClient http, String base, String token, Random random, int months, YearMonth first,
                             java.util.function.Function<YearMonth, String> path) throws IOException, InterruptedException {
        long[] times = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            YearMonth m = first.plusMonths(random.nextInt(months));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.apply(m)))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IOException("scorecard answered HTTP " + r.statusCode() + ": " + r.body());
            }
            if (i >= WARM_UP) {
                times[i - WARM_UP] = took;
            }
        }
        return times;
    }

    /** GET with the bearer token; answers the body's length (an error status is an IOException). */
    private static long get(HttpClient http, String base, String token, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofHours(1)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(path + " answered HTTP " + r.statusCode());
        }
        return r.body().length;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String token(HttpClient http, String base, String password) throws IOException, InterruptedException {
        return token(http, base, USER, password);
    }

    private String token(HttpClient http, String base, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("sign-in failed: HTTP " + r.statusCode());
        }
        return m.group(1);
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Nearest rank, as metrics.md defines percentiles. */
    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int k = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, k - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String password() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Samples the heap in use every 20 ms, and the heap left after each collection. */
    static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private Thread thread;

        void start() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    long used = 0;
                    long afterGc = 0;
                    for (MemoryPoolMXBean p : pools) {
                        used += p.getUsage().getUsed();
                        if (p.getCollectionUsage() != null) {
                            afterGc += p.getCollectionUsage().getUsed();
                        }
                    }
                    long u = used;
                    long g = afterGc;
                    peakUsed.accumulateAndGet(u, Math::max);
                    peakAfterGc.accumulateAndGet(g, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }
    }
}
