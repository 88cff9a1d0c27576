package com.servicecoach.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * The optional read-only MySQL/MariaDB replica (only when {@code servicecoach.replica.url}, from
 * {@code JDBC_REPLICA_URL}, is set): its own small pool, kept out of Micronaut Data, Flyway and the
 * transactions, so nothing but {@link Database#readConnection()} ever uses it. It serves reads while
 * {@code SHOW REPLICA STATUS} (or {@code SHOW SLAVE STATUS} on older servers) reports 0 seconds behind,
 * checked at most every {@code servicecoach.replica.lag-check-interval} (5 s).
 */
@Singleton
@Requires(property = "servicecoach.replica.url", pattern = ".+")
public class ReadReplica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);

    private final DataSource dataSource;
    private final ReplicaLag lag;
    private final AutoCloseable pool;

    @Inject
    ReadReplica(@Value("${servicecoach.replica.url}") String url,
                @Value("${servicecoach.replica.username:}") String username,
                @Value("${servicecoach.replica.password:}") String password,
                @Value("${servicecoach.replica.maximum-pool-size:5}") int poolSize,
                @Value("${servicecoach.replica.lag-check-interval:5s}") Duration checkEvery) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(2000);
        config.setInitializationFailTimeout(-1); // a replica that is down at start only means reads go to the primary
        HikariDataSource pool = new HikariDataSource(config);
        this.dataSource = pool;
        this.pool = pool;
        this.lag = new ReplicaLag(() -> secondsBehind(pool), Clock.systemUTC(), checkEvery);
        LOG.info("Read replica configured; reports and scorecards read from it while it reports no lag");
    }

    ReadReplica(DataSource dataSource, ReplicaLag lag) {
        this.dataSource = dataSource;
        this.lag = lag;
        this.pool = () -> { };
    }

    /** Whether reads may go to the replica now. */
    boolean usable() {
        return lag.usable();
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Seconds_Behind_Source (MySQL 8.0.22+) or Seconds_Behind_Master; null when the server is not replicating. */
    static Long secondsBehind(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs;
            try {
                rs = s.executeQuery("SHOW REPLICA STATUS");
            } catch (SQLException e) {
                rs = s.executeQuery("SHOW SLAVE STATUS");
            }
            try (ResultSet r = rs) {
                if (!r.next()) {
                    return null;
                }
                for (String column : new String[]{"Seconds_Behind_Source", "Seconds_Behind_Master"}) {
                    try {
                        long v = r.getLong(column);
                        return r.wasNull() ? null : v;
                    } catch (SQLException absent) {
                        // try the other name
                    }
                }
                return null;
            }
        }
    }

    @Override
    @PreDestroy
    public void close() throws Exception {
        pool.close();
    }
}
