package com.servicecoach.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A database server of a test's own that the test can stop under the running application and start again, to
 * see what the application does during an outage. Never the shared MariaDB at 3306.
 *
 * <ul>
 *   <li>{@link #h2()}: H2's TCP server in this JVM, serving an in-memory database that outlives the server, so that
 *   stopping the server cuts every connection (as a crashed database would) and starting it again brings the same
 *   data back.</li>
 *   <li>{@link #mariaDb()}: a second MariaDB server, installed into a temporary data directory and started on a free
 *   port; {@link #kill()} kills it (SIGKILL) and {@link #start()} starts it again on the same data and port.
 *   Fails with a clear message when the MariaDB server binaries are not installed ({@code .ci/run} installs them).</li>
 * </ul>
 */
public abstract class StoppableDatabase implements AutoCloseable {

    protected final int port;

    protected StoppableDatabase() {
        this.port = freePort();
    }

    /** The server for the profile the tests run with: MariaDB when JDBC_URL points at MySQL, else H2. */
    public static StoppableDatabase forThisRun() {
        String url = System.getenv("JDBC_URL");
        return url != null && url.startsWith("jdbc:mysql:") ? mariaDb() : h2();
    }

    public static StoppableDatabase h2() {
        return new H2();
    }

    public static StoppableDatabase mariaDb() {
        return new MariaDb();
    }

    /** The JDBC URL for the application. */
    public abstract String url();

    public abstract String username();

    /** Starts (or starts again) the server and waits until it answers. */
    public abstract void start();

    /** Stops the server at once, dropping every connection (a crash, as far as the application can tell). */
    public abstract void kill();

    public abstract boolean isRunning();

    /** A connection of the test's own, outside the application's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), username(), "");
    }

    @Override
    public void close() {
        kill();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------

    static final class H2 extends StoppableDatabase {
        private final String name = "outage" + System.nanoTime();
        private org.h2.tools.Server server;

        @Override
        public String url() {
            return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,USER;DB_CLOSE_DELAY=-1";
        }

        @Override
        public String username() {
            return "sa";
        }

        @Override
        public synchronized void start() {
            try {
                server = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not start H2's TCP server on port " + port, e);
            }
        }

        @Override
        public synchronized void kill() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return server != null;
        }

        /** The same in-memory database, reached in this JVM without the TCP server (works while it is stopped). */
        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,USER;DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Override
        public void close() {
            kill();
            try (Connection c = connect(); var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    static final class MariaDb extends StoppableDatabase {
        private static final List<String> SERVERS = List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd");
        private static final List<String> INSTALLERS = List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db",
                "/usr/local/bin/mariadb-install-db");

        /** mariadbd refuses to run as root unless told to; as another user it runs as that user. */
        private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

        private final Path dir;
        private final Path data;
        private Process process;

        MariaDb() {
            String server = find(SERVERS);
            String installer = find(INSTALLERS);
            if (server == null || installer == null) {
                throw new IllegalStateException("The outage test needs a MariaDB server of its own, but "
                        + (server == null ? "no server binary (" + SERVERS + ")" : "no mariadb-install-db (" + INSTALLERS + ")")
                        + " is installed: apt-get install -y mariadb-server (.ci/run installs it)");
            }
            try {
                dir = Files.createTempDirectory("sc-outage-mariadb");
                data = dir.resolve("data");
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> install = new ArrayList<>(List.of(installer, "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (AS_ROOT) {
                install.add("--user=root");
            }
            run(install, Duration.ofMinutes(3), "mariadb-install-db");
        }

        private static String find(List<String> candidates) {
            return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        }

        private void run(List<String> command, Duration timeout, String what) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(what + ".log").toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(what + " did not finish within " + timeout);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): "
                            + Files.readString(dir.resolve(what + ".log")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String url() {
            return "jdbc:mysql://127.0.0.1:" + port + "/servicecoach_outage?rewriteBatchedStatements=true&allowLoadLocalInfile=true"
                    + "&createDatabaseIfNotExist=true&characterEncoding=UTF-8";
        }

        @Override
        public String username() {
            return "root";
        }

        @Override
        public synchronized void start() {
            if (isRunning()) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(find(SERVERS), "--no-defaults", "--datadir=" + data, "--port=" + port,
                    "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"),
                    "--skip-grant-tables", "--skip-log-bin", "--local-infile=1", "--skip-name-resolve",
                    "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=48M", "--max-connections=50",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--log-error=" + dir.resolve("error.log")));
            if (AS_ROOT) {
                command.add("--user=root");
            }
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + command, e);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The test's MariaDB server stopped at start: " + log());
                }
                if (listening(port)) {
                    try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "")) {
                        return;
                    } catch (SQLException e) {
                        // not ready yet
                    }
                }
                sleep(100);
            }
            throw new IllegalStateException("The test's MariaDB server did not answer within 90 s: " + log());
        }

        private String log() {
            try {
                Path log = dir.resolve("error.log");
                return Files.exists(log) ? Files.readString(log) : "(no log)";
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public synchronized void kill() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (listening(port) && System.nanoTime() < deadline) {
                sleep(50);
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return process != null && process.isAlive();
        }

        @Override
        public void close() {
            kill();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
