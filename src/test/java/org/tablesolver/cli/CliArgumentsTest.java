package org.tablesolver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line is checked before anything starts: a mistake is a message and exit status 2. */
class CliArgumentsTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandsAreToldFromServerArguments() {
        assertThat(Cli.isCommand()).isFalse();
        assertThat(Cli.isCommand("--server.port=9090", "--demo-data")).isFalse();
        assertThat(Cli.isCommand("solve", "--all", "--date", "2026-12-04")).isTrue();
        assertThat(Cli.isCommand("--help")).isTrue();
        assertThat(Cli.serverArguments("--demo-data", "--server.port=9090"))
                .containsExactly("--tablesolver.demo-data=true", "--server.port=9090");
    }

    @Test
    void helpPrintsTheCommands() {
        for (String[] args : new String[][] {{"help"}, {"--help"}, {"solve", "-h"}}) {
            Run run = run(args);
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("solve --restaurant R --date D").contains("import FILE")
                    .contains("plan --restaurant R --date D").contains("Exit status");
            assertThat(run.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            solve                                                       | --date D is required
            solve --date 2026-12-04                                     | either --restaurant R or --all
            solve --all --restaurant r1 --date 2026-12-04               | either --restaurant R or --all
            solve --all --date 2026-13-01                               | '2026-13-01' is not a date
            solve --all --date                                          | Missing required parameter for option '--date'
            solve --all --date 2026-12-04 --mode FAST                   | 'FAST' is not PENDING_ONLY or REOPTIMIZE
            solve --all --date 2026-12-04 --frob                        | unknown option --frob
            solve --all --date 2026-12-04 -x                            | unknown option -x
            solve --all --date 2026-12-04 --date 2026-12-05             | option '--date' (<date>) should be specified only once
            solve --all --date 2026-12-04 extra                         | unexpected argument 'extra'
            frobnicate --date 2026-12-04                                | unknown command 'frobnicate'
            import                                                      | import needs exactly one FILE
            import no/such/file.json                                    | no readable file no/such/file.json
            benchmark --configs default                                 | either --days FILE [FILE...] or --restaurant R --from D --to D
            benchmark --days no/such.json --configs default             | --days: no readable file no/such.json
            benchmark --restaurant r1 --from 2026-12-04 --configs quick | --restaurant R needs --from D and --to D
            benchmark --restaurant r1 --from 2026-12-05 --to 2026-12-04 --configs quick | --to: 2026-12-04 is before --from 2026-12-05
            benchmark --restaurant r1 --from 2026-12-04 --to 2026-12-05 | benchmark needs --configs
            benchmark --restaurant r1 --from 2026-12-04 --to 2026-12-05 --configs no/such.xml | --configs: no readable file no/such.xml
            plan --date 2026-12-04                                      | plan needs --restaurant R
            plan --restaurant r1 --date 2026-12-04 --mode REOPTIMIZE    | unknown option --mode
            """)
    void mistakesAreRefusedWithAMessage(String commandLine, String message) {
        Run run = run(commandLine.split(" "));
        assertThat(run.status()).as(commandLine).isEqualTo(2);
        assertThat(run.err()).as(commandLine).startsWith("error: ").contains(message).contains("help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void optionsAcceptBothSpellingsAndPassSpringPropertiesThrough() throws Exception {
        CliArguments arguments = CliArguments.parse("--demo-data", "solve", "--restaurant=cafe-3", "--date",
                "2026-12-04", "--mode", "reoptimize", "--spring.datasource.url=jdbc:postgresql://db/x");
        assertThat(arguments.command()).isEqualTo(new CliCommand.Solve("cafe-3", java.time.LocalDate.of(2026, 12, 4),
                org.tablesolver.solver.SolveMode.REOPTIMIZE, null));
        assertThat(arguments.demoData()).isTrue();
        assertThat(arguments.springArguments()).containsExactly("--spring.datasource.url=jdbc:postgresql://db/x");
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        Run run = run("solve", "--date", "2026-13-01", "--mode", "FAST", "--frob", "extra");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'2026-13-01' is not a date").contains("'FAST' is not PENDING_ONLY")
                .contains("unknown option --frob").contains("unexpected argument 'extra'")
                .contains("either --restaurant R or --all");
    }

    @Test
    void benchmarkTakesFilesOrARangeOfTheDatabase() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("days", ".json");
        try {
            CliArguments files = CliArguments.parse("benchmark", "--days", file.toString(), file.toString(),
                    "--configs", "default,quick", "--out", "target/bench");
            assertThat(files.command()).isEqualTo(new CliCommand.Benchmark(List.of(file, file), null, null, null,
                    List.of("default", "quick"), java.nio.file.Path.of("target/bench"), true));
            CliArguments range = CliArguments.parse("benchmark", "--restaurant", "cafe-3", "--from", "2026-12-04",
                    "--to", "2026-12-06", "--configs", "default", "--no-html");
            assertThat(range.command()).isEqualTo(new CliCommand.Benchmark(null, "cafe-3",
                    java.time.LocalDate.of(2026, 12, 4), java.time.LocalDate.of(2026, 12, 6), List.of("default"),
                    java.nio.file.Path.of("benchmark-report"), false));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
