package com.servicecoach.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver timeouts apply unless JDBC_URL sets them itself; which failures mean the database is unreachable. */
class DataSourceSettingsTest {

    static Properties timeouts() {
        Properties p = new Properties();
        p.putAll(Map.of("connectTimeout", "3000", "socketTimeout", "10000", "cachePrepStmts", "true"));
        return p;
    }

    @Test
    void theTimeoutsOfApplicationYmlApplyToMySqlUrlsThatDoNotSetThem() {
        Properties p = timeouts();
        DataSourceSettings.driverTimeouts("jdbc:mysql://db:3306/sc?rewriteBatchedStatements=true", p);
        assertEquals("3000", p.get("connectTimeout"));
        assertEquals("10000", p.get("socketTimeout"));
    }

    @Test
    void numbersFromYamlReachTheDriverAsStrings() {
        Properties p = new Properties();
        p.put("connectTimeout", 3000);
        p.put("socketTimeout", 10000);
        DataSourceSettings.driverTimeouts("jdbc:mysql://db/sc", p);
        assertEquals(java.util.Set.of("connectTimeout", "socketTimeout"), p.stringPropertyNames(),
                "Connector/J reads stringPropertyNames() only");
        assertEquals("10000", p.getProperty("socketTimeout"));
    }

    @Test
    void aUrlThatSetsATimeoutWins() {
        Properties p = timeouts();
        DataSourceSettings.driverTimeouts("jdbc:mysql://db:3306/sc?rewriteBatchedStatements=true&socketTimeout=0", p);
        assertFalse(p.containsKey("socketTimeout"), "the URL's socketTimeout=0 applies");
        assertEquals("3000", p.get("connectTimeout"));
        Properties q = timeouts();
        DataSourceSettings.driverTimeouts("jdbc:mysql://db/sc?ConnectTimeout=500", q);
        assertFalse(q.containsKey("connectTimeout"));
        assertEquals("true", q.get("cachePrepStmts"), "other properties stay");
    }

    @Test
    void otherDatabasesGetNoDriverTimeouts() {
        Properties p = timeouts();
        DataSourceSettings.driverTimeouts("jdbc:h2:mem:x;MODE=MySQL", p);
        assertFalse(p.containsKey("connectTimeout") || p.containsKey("socketTimeout"));
    }

    @Test
    void lostAndRefusedConnectionsAreOutagesOtherFailuresAreNot() {
        assertTrue(ConnectionFailures.isLostConnection(new IllegalStateException("x", new SQLTransientConnectionException("no connection"))));
        assertTrue(ConnectionFailures.isLostConnection(new SQLException("Communications link failure", "08S01")));
        assertTrue(ConnectionFailures.isLostConnection(new SQLNonTransientConnectionException("Connection is broken", "90067")));
        assertTrue(ConnectionFailures.isLostConnection(new RuntimeException(new ConnectException("Connection refused"))));
        RuntimeException suppressing = new RuntimeException("clean-up failed");
        suppressing.addSuppressed(new SQLException("Communications link failure", "08S01"));
        assertTrue(ConnectionFailures.isLostConnection(suppressing));
        assertFalse(ConnectionFailures.isLostConnection(new SQLException("Duplicate entry", "23000")));
        assertFalse(ConnectionFailures.isLostConnection(new IllegalArgumentException("bad")));
        assertEquals(SQLExceptionOverride.Override.MUST_EVICT,
                new ConnectionFailures.EvictLostConnections().adjudicate(new SQLNonTransientConnectionException("closed", "90121")));
        assertEquals(SQLExceptionOverride.Override.CONTINUE_EVICT,
                new ConnectionFailures.EvictLostConnections().adjudicate(new SQLException("Duplicate entry", "23000")));
    }
}
