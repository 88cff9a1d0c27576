package com.servicecoach.interaction;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The saved column mappings' SQL: one row per name, the mapping as JSON. */
@Singleton
class ImportMappingStore {

    private final Database db;

    ImportMappingStore(Database db) {
        this.db = db;
    }

    /** Every saved mapping's document, by name in name order. */
    Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select name, document from import_mapping order by name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the import mappings", e);
        }
    }

    Optional<String> find(String name) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select document from import_mapping where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an import mapping", e);
        }
    }

    /** Stores a mapping under its name, replacing one saved before. */
    void save(String name, String document, String savedBy, Instant at) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("delete from import_mapping where name = ?")) {
                    del.setString(1, name);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("insert into import_mapping (name, document, saved_by, saved_at) "
                        + "values (?, ?, ?, ?)")) {
                    ins.setString(1, name);
                    ins.setString(2, document);
                    ins.setString(3, savedBy);
                    ins.setString(4, StoredTimes.text(StoredTimes.micros(at)));
                    ins.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store an import mapping", e);
        }
    }

    boolean delete(String name) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("delete from import_mapping where name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete an import mapping", e);
        }
    }
}
