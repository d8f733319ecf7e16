package org.tablesolver.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tablesolver.TableSolverApplication;

/**
 * The zero-setup default as a new user gets it (no profile, no datasource URL): the first start on an
 * empty data directory loads the demo day, a restart on the same directory keeps what changed.
 */
@Tag("embedded")
class EmbeddedDefaultTest {

    @TempDir
    Path temp;

    private ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(TableSolverApplication.class).run(
                "--spring.datasource.url=",
                "--tablesolver.embedded.data-directory=" + dataDirectory,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    @Test
    void firstStartLoadsTheDemoDayAndARestartKeepsTheData() {
        Path data = temp.resolve("postgres");
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from restaurant")).isEqualTo(5);
            assertThat(count(jdbc, "select count(*) from booking")).isEqualTo(105);
            assertThat(count(jdbc, "select count(*) from booking where restaurant_id = 'cafe-3' "
                    + "and service_date = date '2026-12-04' and status = 'PENDING'")).isEqualTo(30);
            jdbc.sql("delete from booking where restaurant_id = 'cafe-3' and id = 'cafe-3-01'").update();
            jdbc.sql("update booking set status = 'CANCELLED' where restaurant_id = 'pub-2' and id = 'pub-2-01'")
                    .update();
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start(data)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from booking")).isEqualTo(104);
            assertThat(count(jdbc, "select count(*) from booking where id = 'cafe-3-01'")).isZero();
            assertThat(jdbc.sql("select status from booking where restaurant_id = 'pub-2' and id = 'pub-2-01'")
                    .query(String.class).single()).isEqualTo("CANCELLED");
        }
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
