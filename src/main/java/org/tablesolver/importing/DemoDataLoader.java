package org.tablesolver.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tablesolver.database.EmbeddedDatabase;

/**
 * Loads the demo day ({@code demo/seed-day.json}) when the database has no restaurant yet: by default
 * only on the embedded database; {@code tablesolver.demo-data=true} also on an external one,
 * {@code false} never. Runs once every bean is ready, before the web server opens its port and before
 * any ApplicationRunner or CommandLineRunner (the CLI's commands see the data).
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton {

    static final String SEED = "demo/seed-day.json";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ImportService importService;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoDataLoader(ImportService importService, JdbcClient jdbc, ObjectProvider<EmbeddedDatabase> embedded,
                   @Value("${tablesolver.demo-data:#{null}}") Boolean demoData) {
        this.importService = importService;
        this.jdbc = jdbc;
        this.enabled = demoData != null ? demoData : embedded.getIfAvailable() != null;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        boolean empty = !jdbc.sql("select exists (select 1 from restaurant)").query(Boolean.class).single();
        if (!empty) {
            log.info("Demo data not loaded: the database already has restaurants");
            return;
        }
        try (InputStream json = new ClassPathResource(SEED).getInputStream()) {
            ImportResult result = importService.importJson(json);
            log.info("Loaded demo data {}: {} restaurants, {} bookings", SEED, result.restaurants().size(),
                    result.bookingsCreated());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data " + SEED, e);
        }
    }
}
