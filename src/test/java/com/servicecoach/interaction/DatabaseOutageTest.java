package com.servicecoach.interaction;

import com.servicecoach.support.Fixtures;
import com.servicecoach.support.StoppableDatabase;
import com.servicecoach.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes down under the running application, and comes back. The application runs on a database
 * server of this test's own ({@link StoppableDatabase}: H2's TCP server, or with -Pmysql a second MariaDB server
 * started by the test; never the shared one), which the test kills in the middle of requests and of imports:
 * every request answers 503 with Retry-After within a few seconds instead of hanging; an interrupted import (API,
 * upload page, command line) answers its id and the counts of what it stored, and importing the file again once
 * the database is back completes it without duplicates.
 */
@SuppressWarnings("unchecked")
class DatabaseOutageTest {

    /** A request during an outage must be answered within this time: the pool gives up after 3 s. */
    static final Duration FEW_SECONDS = Duration.ofSeconds(8);
    static final String HEADER = ImportHttp.HEADER;

    static StoppableDatabase database;
    static EmbeddedServer server;
    static ObjectMapper mapper;
    static HttpClient client;
    static String adminToken;

    @BeforeAll
    static void startTheApplicationOnADatabaseOfItsOwn() {
        database = StoppableDatabase.forThisRun();
        database.start();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.username(),
                "datasources.default.password", ""), "test");
        TestDatabase.clean(server.getApplicationContext().getBean(DataSource.class));
        server.getApplicationContext().getBean(Fixtures.class).standardCast();
        mapper = server.getApplicationContext().getBean(ObjectMapper.class);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        adminToken = login("admin");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    @AfterEach
    void databaseUpAndNoInteractions() throws SQLException {
        if (!database.isRunning()) {
            database.start();
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("delete from interaction_import_rejection");
            s.execute("delete from interaction");
            s.execute("delete from interaction_import");
        }
        awaitRecovery();
    }

    // ---- helpers ------------------------------------------------------------------------------

    record Reply(int status, String body, String retryAfter, String contentType, long millis) {
        Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    static String login(String user) {
        Reply r = send(HttpRequest.newBuilder(uri("/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}")));
        assertEquals(200, r.status(), r.body());
        return (String) r.json().get("accessToken");
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    static HttpRequest.Builder authed(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + adminToken);
    }

    static Reply send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return reply(r, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply reply(HttpResponse<String> r, long started) {
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    static Reply get(String path) {
        return send(authed(path).header("Accept", "application/json").GET());
    }

    static Reply page(String path, String language) {
        return send(authed(path).header("Accept", "text/html").header("Accept-Language", language).GET());
    }

    /** Waits until the application reads from the database again (the pool opens connections anew). */
    static void awaitRecovery() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/teams");
            if (last.status() == 200) {
                return;
            }
            sleepMillis(250);
        }
        throw new AssertionError("The application did not recover within 60 s after the database came back: " + last);
    }

    static void assertUnavailable(Reply r, String what) {
        assertEquals(503, r.status(), what + ": " + r.body());
        assertNotNull(r.retryAfter(), what + " has no Retry-After");
        assertTrue(Long.parseLong(r.retryAfter()) > 0, what + ": Retry-After " + r.retryAfter());
        assertTrue(r.millis() < FEW_SECONDS.toMillis(), what + " took " + r.millis() + " ms");
    }

    static long n(Object o) {
        return ((Number) o).longValue();
    }

    static long count(String sql) throws SQLException {
        try (Connection c = database.connect()) {
            return count(c, sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One data row: interaction {@code prefix-i} of agent N1 (N2 for odd i), or of an unknown agent when {@code unknown}. */
    static String row(String prefix, int i, boolean unknown) {
        return String.format("%s-%06d,%s,chat,logistics,2026-03-02T09:15:00,2026-03-02T09:15:40,2026-03-02T09:30:00,9,10,row %d%n",
                prefix, i, unknown ? "X999" : (i % 2 == 0 ? "N1" : "N2"), i);
    }

    static String rows(String prefix, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(row(prefix, i, i == 7));
        }
        return b.toString();
    }

    /** A request body fed by the test as it goes: {@link #feed} appends, {@link #end} ends it. */
    static final class Feed extends InputStream {
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        void feed(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        void end() {
            chunks.add(new byte[0]);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                while (pos == current.length) {
                    current = chunks.take();
                    pos = 0;
                    if (current.length == 0) {
                        ended = true;
                        return -1;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** What the interrupted import had committed when the database was killed. */
    record Committed(long interactions, long rejections) {
        long rows() {
            return interactions + rejections;
        }
    }

    /**
     * Feeds an import of {@code total} rows (row 7 has an unknown agent: rejected): the first {@code first} rows, then,
     * after a pause that makes the importer store what it read as a batch, one row at a time until the test sees rows
     * committed. Then it kills the database, feeds the rest and ends the body. Answers what was committed.
     */
    static Committed feedAndKillMidImport(Feed feed, String prefix, int first, int total, String before, String after)
            throws SQLException {
        return feedAndKillMidImport(feed, prefix, first, 1, total, before, after);
    }

    /** As above, trickling {@code step} rows at a time. */
    static Committed feedAndKillMidImport(Feed feed, String prefix, int first, int step, int total, String before, String after)
            throws SQLException {
        feed.feed(before + HEADER + "\n" + rows(prefix, 0, first));
        sleepMillis(1300);
        int fed = first;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("select count(*) from interaction") == 0) {
            assertTrue(System.nanoTime() < deadline, "nothing was stored within 30 s");
            assertTrue(fed + step < total - 10, "the import stored nothing before the end of the file");
            feed.feed(rows(prefix, fed, fed + step));
            fed += step;
            sleepMillis(150);
        }
        Committed committed;
        try (Connection c = database.connect()) {
            committed = new Committed(count(c, "select count(*) from interaction"),
                    count(c, "select count(*) from interaction_import_rejection"));
        }
        database.kill();
        feed.feed(rows(prefix, fed, total) + after);
        feed.end();
        return committed;
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void theDriversSocketTimeoutOfApplicationYmlReachesTheConnections() throws SQLException {
        DataSource pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
                server.getApplicationContext().getBean(DataSource.class));
        try (Connection c = pool.getConnection()) {
            boolean mysql = c.getMetaData().getURL().startsWith("jdbc:mysql:");
            // Connector/J reports its socketTimeout as the network timeout; H2 has none
            assertEquals(mysql ? 10_000 : 0, c.getNetworkTimeout());
        }
    }

    @Test
    void requestsDuringAnOutageAnswer503WithRetryAfterWithinSecondsNeverAHangAndTheAppRecovers() throws Exception {
        // a client keeps calling while the database is killed under it: some calls are in flight at that moment
        List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            while (!stop.get()) {
                replies.add(get("/api/agents"));
            }
        }, "outage-caller");
        caller.start();
        sleepMillis(700);
        database.kill();
        long killed = System.nanoTime();
        sleepMillis(4000);

        Reply api = get("/api/agents");
        assertUnavailable(api, "GET /api/agents");
        assertTrue(api.contentType().startsWith("application/json"), api.contentType());
        assertEquals(List.of(), api.json().get("errors"));
        assertTrue(api.json().get("message").toString().contains("database is unavailable"), api.body());

        Reply write = send(authed("/api/teams").header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"East\",\"supervisor\":\"sup.north\"}")));
        assertUnavailable(write, "POST /api/teams");

        Reply english = page("/agents", "en");
        assertUnavailable(english, "the agents page");
        assertTrue(english.contentType().startsWith("text/html"), english.contentType());
        assertTrue(english.body().contains("Temporarily unavailable") && english.body().contains("The database cannot be reached"),
                english.body());
        Reply chinese = page("/agents", "zh-CN");
        assertUnavailable(chinese, "the agents page in Chinese");
        assertTrue(chinese.body().contains("暂时无法使用") && chinese.body().contains("暂时无法连接数据库"), chinese.body());

        stop.set(true);
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(caller.isAlive(), "a request hung");
        List<Reply> seen = new ArrayList<>(replies);
        assertTrue(seen.stream().anyMatch(r -> r.status() == 200), "calls before the outage succeeded");
        assertTrue(seen.stream().anyMatch(r -> r.status() == 503), "calls during the outage were refused");
        for (Reply r : seen) {
            assertTrue(r.status() == 200 || r.status() == 503, "a call answered " + r.status() + ": " + r.body());
            if (r.status() == 503) {
                assertUnavailable(r, "a call during the outage");
            }
        }
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed) < 30);

        database.start();
        awaitRecovery();
        assertEquals(200, get("/api/agents").status());
        assertEquals(200, page("/agents", "en").status());
    }

    @Test
    void anImportInterruptedByTheOutageAnswersItsIdAndWhatItStoredAndImportingAgainCompletesTheFile() throws Exception {
        Feed feed = new Feed();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(authed("/api/interactions/import")
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> feed)).build(), HttpResponse.BodyHandlers.ofString());
        Committed committed = feedAndKillMidImport(feed, "API", 300, 801, "", "");
        long ended = System.nanoTime();
        Reply r = reply(pending.get(60, TimeUnit.SECONDS), ended);

        assertUnavailable(r, "the interrupted import");
        Map<String, Object> json = r.json();
        assertEquals(List.of(), json.get("errors"));
        assertTrue(json.get("message").toString().contains("Import the same file again"), r.body());
        long importId = n(json.get("importId"));
        assertEquals(List.of(committed.rows(), committed.interactions(), 0L, 0L, 1L), List.of(n(json.get("received")),
                n(json.get("inserted")), n(json.get("updated")), n(json.get("unchanged")), n(json.get("rejected"))), r.body());
        assertTrue(committed.interactions() >= 299 && committed.interactions() < 790, committed.toString());

        database.start();
        awaitRecovery();
        Reply record = get("/api/interactions/imports/" + importId);
        assertEquals(200, record.status(), record.body());
        assertEquals("failed", record.json().get("status"), record.body());
        assertEquals(committed.interactions(), n(record.json().get("inserted")), record.body());

        String whole = HEADER + "\n" + rows("API", 0, 801);
        Reply again = send(authed("/api/interactions/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(whole)));
        assertEquals(200, again.status(), again.body());
        assertEquals(List.of(801L, 800 - committed.interactions(), 0L, committed.interactions(), 1L),
                List.of(n(again.json().get("received")), n(again.json().get("inserted")), n(again.json().get("updated")),
                        n(again.json().get("unchanged")), n(again.json().get("rejected"))), again.body());
        assertEquals(800, count("select count(*) from interaction"));
        assertEquals(800, count("select count(distinct external_id) from interaction"), "no duplicates");
    }

    @Test
    void theUploadPagesScriptedUploadInterruptedByTheOutageAnswersTheImportAndItsCounts() throws Exception {
        Reply created = send(authed("/api/interactions/imports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"outage.csv\"}")));
        assertEquals(201, created.status(), created.body());
        long id = n(created.json().get("id"));
        Feed feed = new Feed();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(authed("/api/interactions/imports/" + id + "/upload")
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> feed)).build(), HttpResponse.BodyHandlers.ofString());
        Committed committed = feedAndKillMidImport(feed, "JS", 300, 801, "", "");
        long ended = System.nanoTime();
        Reply r = reply(pending.get(60, TimeUnit.SECONDS), ended);

        assertUnavailable(r, "the interrupted upload of the page's script");
        Map<String, Object> json = r.json();
        assertEquals(id, n(json.get("id")), "what the page's script shows: the import");
        assertEquals(id, n(json.get("importId")));
        assertEquals("failed", json.get("status"));
        assertEquals(List.of(committed.rows(), committed.interactions(), 1L), List.of(n(json.get("received")),
                n(json.get("inserted")), n(json.get("rejected"))), r.body());
        assertEquals(List.of(), json.get("errors"));

        database.start();
        awaitRecovery();
        Reply record = get("/api/interactions/imports/" + id);
        assertEquals("failed", record.json().get("status"), record.body());
        assertEquals(committed.interactions(), n(record.json().get("inserted")), record.body());
    }

    @Test
    void anUploadInterruptedByTheOutageAnswersAPageWithTheImportAndItsCounts() throws Exception {
        String boundary = "----outage" + System.nanoTime();
        // as the page's form sends it: charset, mapping (none) and source before the file
        String before = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"charset\"\r\n\r\nUTF-8\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"outage.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String after = "\r\n--" + boundary + "--\r\n";
        Feed feed = new Feed();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(authed("/interactions/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> feed)).build(), HttpResponse.BodyHandlers.ofString());
        // the multipart decoder hands the file on in pieces of some kilobytes: a larger file, trickled faster
        Committed committed = feedAndKillMidImport(feed, "PAGE", 2000, 100, 6001, before, after);
        long ended = System.nanoTime();
        Reply r = reply(pending.get(60, TimeUnit.SECONDS), ended);

        assertUnavailable(r, "the interrupted upload");
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().contains("The database became unavailable during import "), r.body());
        assertTrue(r.body().contains(String.format(Locale.ENGLISH, "Stored before it stopped: %,d rows (inserted %,d, updated 0, "
                + "unchanged 0, rejected 1)", committed.rows(), committed.interactions())), r.body());

        database.start();
        awaitRecovery();
        Reply again = send(authed("/api/interactions/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(HEADER + "\n" + rows("PAGE", 0, 6001))));
        assertEquals(200, again.status(), again.body());
        assertEquals(6000 - committed.interactions(), n(again.json().get("inserted")), again.body());
        assertEquals(committed.interactions(), n(again.json().get("unchanged")), again.body());
        assertEquals(6000, count("select count(distinct external_id) from interaction"));
        assertEquals(6000, count("select count(*) from interaction"));
    }

    @Test
    void theCommandLineImportInterruptedByTheOutageNamesTheImportAndItsCounts() throws Exception {
        Path dir = Files.createTempDirectory("sc-outage-cli");
        try {
            commandLineImportInterrupted(dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    void commandLineImportInterrupted(Path dir) throws Exception {
        Path fifo = dir.resolve("interactions.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        ImportInteractionsCommand command = server.getApplicationContext().getBean(ImportInteractionsCommand.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.run(List.of(fifo.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        Feed feed = new Feed();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                feed.transferTo(o);
            } catch (IOException e) {
                // the command stopped reading: fine
            }
        });
        Committed committed = feedAndKillMidImport(feed, "CLI", 250, 651, "", "");
        assertEquals(3, exit.get(60, TimeUnit.SECONDS), "exit code; out: " + out + " err: " + err);
        writer.get(60, TimeUnit.SECONDS);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.matches("(?s)import \\d+ of .*interrupted: the database is unavailable.*"), message);
        assertTrue(message.contains("received " + committed.rows() + ", inserted " + committed.interactions()
                + ", updated 0, unchanged 0, rejected 1"), message);
        assertTrue(message.contains("run the same command again"), message);

        database.start();
        awaitRecovery();
        Path file = dir.resolve("whole.csv");
        Files.writeString(file, HEADER + "\n" + rows("CLI", 0, 651));
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        assertEquals(0, command.run(List.of(file.toString()), new PrintStream(out2, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(out2.toString(StandardCharsets.UTF_8).contains("received 651, inserted " + (650 - committed.interactions())
                + ", updated 0, unchanged " + committed.interactions() + ", rejected 1"), out2.toString(StandardCharsets.UTF_8));
        assertEquals(650, count("select count(distinct external_id) from interaction"));
        assertEquals(650, count("select count(*) from interaction"));
    }
}
