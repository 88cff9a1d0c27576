package com.servicecoach.database;

import com.servicecoach.support.TestClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Which database {@link Database#readConnection()} reads from: the primary unless a replica is set and current. */
@MicronautTest(transactional = false)
class ReadConnectionTest {

    @Inject
    ApplicationContext context;
    @Inject
    Database db;
    @Inject
    DataSource dataSource;

    @Test
    void withoutAReplicaConfiguredReadsUseThePrimary() throws Exception {
        assertFalse(context.containsBean(ReadReplica.class), "JDBC_REPLICA_URL is not set in the tests");
        try (Connection primary = db.connection(); Connection read = db.readConnection()) {
            assertEquals(primary.getMetaData().getURL(), read.getMetaData().getURL());
            assertFalse(read.isReadOnly());
        }
    }

    static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    static String urlOf(Connection c) throws SQLException {
        try (c) {
            return c.getMetaData().getURL();
        }
    }

    static void assertDatabase(String name, String url) {
        assertEquals("jdbc:h2:mem:" + name, url.split(";")[0]);
    }

    static void assertDatabase(String name, String url, String message) {
        assertEquals("jdbc:h2:mem:" + name, url.split(";")[0], message);
    }

    @Test
    void readsGoToTheReplicaOnlyWhileItReportsNoLag() throws Exception {
        Long[] behind = {0L};
        TestClock clock = new TestClock();
        ReplicaLag lag = new ReplicaLag(() -> behind[0], clock, Duration.ofSeconds(5));
        Database database = new Database(h2("primary_read_test"), new ReadReplica(h2("replica_read_test"), lag));
        assertDatabase("replica_read_test", urlOf(database.readConnection()));
        assertDatabase("primary_read_test", urlOf(database.connection()), "writes always use the primary");
        behind[0] = 2L;
        clock.advance(Duration.ofSeconds(5));
        assertDatabase("primary_read_test", urlOf(database.readConnection()), "a lagging replica is not read");
    }

    @Test
    void aReplicaThatCannotBeReachedLeavesReadsOnThePrimary() throws Exception {
        DataSource broken = h2("never_used");
        ReplicaLag lagOfAnH2 = new ReplicaLag(() -> ReadReplica.secondsBehind(broken), new TestClock(), Duration.ofSeconds(5));
        Database database = new Database(h2("primary_read_test"), new ReadReplica(broken, lagOfAnH2));
        assertDatabase("primary_read_test", urlOf(database.readConnection()),
                "H2 knows no SHOW REPLICA STATUS: the error means the primary");

        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        Database noConnection = new Database(h2("primary_read_test"),
                new ReadReplica(unreachable, new ReplicaLag(() -> 0L, new TestClock(), Duration.ofSeconds(5))));
        assertDatabase("primary_read_test", urlOf(noConnection.readConnection()),
                "a replica that answers the lag check but refuses a connection: the primary");
    }
}
