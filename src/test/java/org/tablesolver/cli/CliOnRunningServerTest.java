package org.tablesolver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tablesolver.TableSolverApplication;

/**
 * The embedded default used by a server and by the command line at the same time, as a new user does it:
 * {@code ./mvnw spring-boot:run} in one terminal, a command in another, same data directory.
 */
@Tag("embedded")
@Tag("slow")
class CliOnRunningServerTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    static ConfigurableApplicationContext server(Path dataDirectory) {
        return new SpringApplicationBuilder(TableSolverApplication.class).run(
                "--spring.datasource.url=",
                "--tablesolver.embedded.data-directory=" + dataDirectory,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    static Run cli(Path dataDirectory, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=";
        all[args.length + 1] = "--tablesolver.embedded.data-directory=" + dataDirectory;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandsUseTheDatabaseOfTheServerRunningOnTheSameDataDirectory() {
        Path data = temp.resolve("postgres");
        try (ConfigurableApplicationContext running = server(data)) {
            JdbcClient jdbc = running.getBean(JdbcClient.class);

            Run plan = cli(data, "plan", "--restaurant", "pub-2", "--date", "2026-12-04");
            assertThat(plan.status()).as("%s", plan).isZero();
            assertThat(plan.out()).contains("pub-2 on 2026-12-04 (Europe/London): 13 bookings, 0 CONFIRMED");

            Run solve = cli(data, "solve", "--restaurant", "pub-2", "--date", "2026-12-04");
            assertThat(solve.status()).as("%s", solve).isZero();
            assertThat(solve.out()).contains("COMMITTED (PENDING_ONLY, config default)");
            int confirmed = jdbc.sql("select count(*) from booking where restaurant_id = 'pub-2' "
                    + "and status = 'CONFIRMED'").query(Integer.class).single();
            assertThat(confirmed).as("the server sees what the command committed").isPositive();
            assertThat(solve.out()).contains("Seated " + confirmed + " of 13 bookings");

            assertThatThrownBy(() -> server(data).close()).as("a second server on the same directory")
                    .rootCause().hasMessageContaining("is in use by a running PostgreSQL")
                    .hasMessageContaining("tablesolver.embedded.data-directory");
        }

        // With the server stopped, the command starts PostgreSQL on the directory itself.
        Run plan = cli(data, "plan", "--restaurant", "pub-2", "--date", "2026-12-04");
        assertThat(plan.status()).as("%s", plan).isZero();
        assertThat(plan.out()).contains("pub-2 on 2026-12-04 (Europe/London): 13 bookings").doesNotContain("0 CONFIRMED");
    }
}
