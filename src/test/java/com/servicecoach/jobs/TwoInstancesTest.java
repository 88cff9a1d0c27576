package com.servicecoach.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application instances, each with its own embedded server, on one database (a database of their own:
 * on H2 an in-memory one shared inside this JVM, on MySQL {@code <test database>_instances}), with every
 * scheduled job on and due every second: each job runs once per lease across the two, the other instance
 * being turned away, and the monthly report is written once although each instance has its own directory.
 * A token from one instance is accepted by the other (no sticky sessions).
 */
class TwoInstancesTest {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final List<String> JOBS = List.of("training-reminders", "assessment-auto-submit", "certification-review",
            "monthly-report", "session-purge", "rollup-rebuild", "coaching-follow-up");
    static final String PASSWORD = "Two-instances-test-1";

    @TempDir
    Path reports;

    final List<ApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.stream().filter(ApplicationContext::isRunning).forEach(ApplicationContext::close);
    }

    /** The test database of -Pmysql (JDBC_URL) with "_instances" added to its name; else an H2 of its own. */
    static String url() {
        String base = System.getenv("JDBC_URL");
        if (base != null && base.startsWith("jdbc:mysql:")) {
            return base.replaceFirst("^(jdbc:mysql://[^/]+/)([^?]+)", "$1$2_instances");
        }
        return "jdbc:h2:mem:servicecoach_instances;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,USER;DB_CLOSE_DELAY=-1";
    }

    static void emptyDatabase(String url) throws Exception {
        String user = url.startsWith("jdbc:mysql:") ? System.getenv().getOrDefault("JDBC_USER", "root") : "sa";
        String password = url.startsWith("jdbc:mysql:") ? System.getenv().getOrDefault("JDBC_PASSWORD", "") : "";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            if (url.startsWith("jdbc:mysql:")) {
                String name = c.getCatalog();
                s.execute("drop database `" + name + "`");
                s.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
            } else {
                s.execute("drop all objects");
            }
        }
    }

    ApplicationContext start(String url, String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("SERVICECOACH_ADMIN_PASSWORD", PASSWORD);
        p.put("servicecoach.jobs.initial-delay", "0s");
        p.put("servicecoach.training.reminder-job", "true");
        p.put("servicecoach.training.reminder-interval", "1s");
        p.put("servicecoach.coaching.follow-up-job", "true");
        p.put("servicecoach.coaching.follow-up-interval", "1s");
        p.put("servicecoach.assessment.job", "true");
        p.put("servicecoach.assessment.job-interval", "1s");
        p.put("servicecoach.assessment.certification-interval", "1s");
        p.put("servicecoach.reports.monthly-job", "true");
        p.put("servicecoach.reports.monthly-check-interval", "1s");
        p.put("servicecoach.reports.monthly-formats", "csv");
        p.put("servicecoach.reports.directory", reports.resolve(name).toString());
        p.put("servicecoach.security.purge-interval", "1s");
        p.put("servicecoach.rollups.job", "true");
        p.put("servicecoach.rollups.check-interval", "1s");
        p.put("servicecoach.rollups.initial-delay", "0s");
        p.put("servicecoach.quality.sampling-job", "false");
        ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, p, "test").getApplicationContext();
        contexts.add(context);
        return context;
    }

    @Test
    void eachScheduledJobRunsOncePerIntervalAcrossTwoInstances() throws Exception {
        String url = url();
        emptyDatabase(url);
        ApplicationContext a = start(url, "a");
        JobLeaseStore leasesA = a.getBean(JobLeaseStore.class);
        Map<String, Long> aBefore = new HashMap<>();
        JOBS.forEach(j -> aBefore.put(j, leasesA.runs(j)));
        long bothFrom = System.nanoTime();
        ApplicationContext b = start(url, "b");
        JobLeaseStore leasesB = b.getBean(JobLeaseStore.class);
        // both instances try every job a few times
        waitFor(() -> JOBS.stream().allMatch(j -> leasesA.skips(j) + leasesB.skips(j) >= 3));
        signInOnOneAndUseTheTokenOnTheOther(a, b);

        Map<String, Long> runsWhileBoth = new HashMap<>();
        Map<String, Long> triesWhileBoth = new HashMap<>();
        for (String job : JOBS) {
            long runs = leasesA.runs(job) - aBefore.get(job) + leasesB.runs(job);
            runsWhileBoth.put(job, runs);
            triesWhileBoth.put(job, runs + leasesA.skips(job) + leasesB.skips(job));
        }
        a.close();
        double seconds = (System.nanoTime() - bothFrom) / 1e9;
        for (String job : JOBS) {
            System.out.printf("%s: while both ran, %d runs of %d tries in %.1f s (instance a %d runs, %d skips; b %d runs, %d skips)%n",
                    job, runsWhileBoth.get(job), triesWhileBoth.get(job), seconds, leasesA.runs(job), leasesA.skips(job),
                    leasesB.runs(job), leasesB.skips(job));
            assertTrue(runsWhileBoth.get(job) <= seconds / INTERVAL.toSeconds() + 1,
                    job + " ran " + runsWhileBoth.get(job) + " times in " + seconds + " s: at most once per " + INTERVAL + " across both");
            assertTrue(triesWhileBoth.get(job) >= runsWhileBoth.get(job) + 3, job + ": the other instance's tries were turned away");
        }

        // when the holder stops, the other instance takes its jobs over once the leases end
        Map<String, Long> bBefore = new HashMap<>();
        JOBS.forEach(j -> bBefore.put(j, leasesB.runs(j)));
        waitFor(() -> JOBS.stream().allMatch(j -> leasesB.runs(j) > bBefore.get(j)));
        b.close();
        contexts.clear();

        try (Connection c = DriverManager.getConnection(url, url.startsWith("jdbc:mysql:") ? "root" : "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from job_lease where last_finished is not null")) {
                rs.next();
                assertEquals(JOBS.size(), rs.getInt(1), "a lease row per job, each with its finish");
            }
            try (ResultSet rs = s.executeQuery("select count(*) from report_audit where username = 'monthly-job'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "last month's report written once across the two instances");
            }
        }
        List<Path> written;
        try (Stream<Path> files = Files.walk(reports)) {
            written = files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        assertEquals(1, written.size(), "one CSV, in one of the two instances' directories: " + written);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s");
            Thread.sleep(50);
        }
    }

    /** Tokens are checked against the session table, so any instance accepts one made by another. */
    static void signInOnOneAndUseTheTokenOnTheOther(ApplicationContext a, ApplicationContext b) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
        assertTrue(m.find(), login.body());
        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create(base(b) + "/api/reports/audit"))
                .header("Authorization", "Bearer " + m.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onB.statusCode(), "the other instance accepts the token: " + onB.body());
    }

    static String base(ApplicationContext context) {
        return context.getBean(EmbeddedServer.class).getURL().toString();
    }
}
