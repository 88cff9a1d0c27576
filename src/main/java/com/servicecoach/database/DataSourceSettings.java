package com.servicecoach.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Completes each pool's settings before the pool is made:
 * <ul>
 *   <li>The driver timeouts of application.yml ({@code datasources.default.data-source-properties}: MySQL
 *   Connector/J's {@code connectTimeout} and {@code socketTimeout}) apply whatever {@code JDBC_URL} says, unless the
 *   URL sets them itself. Connector/J lets properties passed beside the URL override the URL's, so those the URL
 *   names are removed here, and the URL wins. Other databases (H2) have no such settings: removed too. Values are
 *   made strings, as drivers ignore others.</li>
 *   <li>Connections that failed with a lost connection are dropped from the pool
 *   ({@link ConnectionFailures.EvictLostConnections}).</li>
 * </ul>
 */
@Singleton
class DataSourceSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceSettings.class);
    static final List<String> TIMEOUTS = List.of("connectTimeout", "socketTimeout");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        driverTimeouts(config.getUrl(), config.getDataSourceProperties());
        if (config.getExceptionOverrideClassName() == null && config.getExceptionOverride() == null) {
            config.setExceptionOverride(new ConnectionFailures.EvictLostConnections());
        }
        return config;
    }

    static void driverTimeouts(String url, Properties properties) {
        // YAML numbers arrive as Integer values, which drivers never see: Connector/J reads only String values
        // (Properties.stringPropertyNames), so 3000 would be dropped silently
        for (Object key : List.copyOf(properties.keySet())) {
            properties.setProperty(String.valueOf(key), String.valueOf(properties.get(key)));
        }
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        boolean mysql = lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:");
        int query = lower.indexOf('?');
        String options = query < 0 ? "" : lower.substring(query + 1);
        for (String name : TIMEOUTS) {
            if (!mysql) {
                properties.remove(name);
            } else if (("&" + options).contains("&" + name.toLowerCase(Locale.ROOT) + "=")) {
                LOG.info("JDBC_URL sets {} itself: it overrides the {} ms of application.yml", name, properties.get(name));
                properties.remove(name);
            }
        }
    }
}
