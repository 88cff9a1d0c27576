package com.servicecoach.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties every application table (not Flyway's history), so each test starts from a known state on
 * H2 and on MySQL alike. Tables are found from the database itself, so new features need no change here.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void clean(DataSource dataSource) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), h2 ? "public" : null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.equalsIgnoreCase("flyway_schema_history")) {
                        tables.add(name);
                    }
                }
            }
            s.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
            for (String t : tables) {
                s.execute("DELETE FROM " + t);
            }
            s.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean the test database", e);
        }
    }
}
