package org.tablesolver.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.TableSolverApplication;

/**
 * The command line of the service jar: {@code solve}, {@code batch}, {@code import}, {@code plan},
 * {@code create-key}, {@code benchmark} and {@code help}. A command
 * starts the application without its web server, runs, and exits with a status that scripts can test.
 * Arguments are checked before anything starts, so a mistyped command changes nothing.
 */
public final class Cli {

    /** Exit statuses. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    static final int BUSY = 5;

    static final String USAGE = """
            Usage: java -jar table-solver.jar COMMAND [OPTIONS]
                   ./mvnw spring-boot:run -Dspring-boot.run.arguments="COMMAND [OPTIONS]"

            Commands:
              solve --restaurant R --date D [--mode M] [--config C]
                                 solve one restaurant-day and commit the plan; shows progress, then the
                                 plan per table, the unseated bookings with reasons and the counts
              solve --all --date D [--mode M] [--config C]
                                 the same for every restaurant with bookings on D (solved in parallel)
              batch --date D [--restaurants R[,R...]] [--mode M] [--config C] [--wait]
                                 accept a batch: one solve per restaurant (default: every restaurant with
                                 bookings on D), as POST /api/batches; with --wait, run it here (and on
                                 any running service instance), show progress and each solve's outcome
              import FILE        import floor plans and bookings (the format of POST /api/import)
              plan --restaurant R --date D
                                 print the stored plan of a day
              create-key --name N --scopes S[,S...] [--restaurants R[,R...]]
                                 create an API key (scopes: read, book, host, solve, admin; no
                                 --restaurants: every restaurant) and print its secret, shown once
              benchmark --days FILE [FILE...] --configs C[,C...] [--out DIR] [--no-html]
              benchmark --restaurant R --from D --to D --configs C[,C...] [--out DIR] [--no-html]
                                 solve every day of the import files (or of the database) with every
                                 configuration (a name, or a solver configuration file .xml), beside the
                                 greedy baseline and CP-SAT, writing nothing; DIR/summary.md and
                                 DIR/summary.csv (default DIR: ./benchmark-report), then Timefold's HTML
                                 report in DIR/timefold (not with --no-html); progress on stderr
              help               this text

            Options:
              --mode M           PENDING_ONLY (default): seat pending bookings around confirmed ones;
                                 REOPTIMIZE: confirmed bookings may move, never losing their seat
              --config C         solver configuration name (solver-config/C.xml); default: default
              --demo-data        load the demo day into an empty database first (also an external one)
              --name=value       any Spring property, e.g. --spring.datasource.url=jdbc:postgresql://...

            Database: the embedded default (./data/postgres) unless SPRING_DATASOURCE_URL is set. When a
            table-solver server is running on the same data directory, the command uses its database.

            Exit status: 0 done, 1 failed, 2 invalid arguments or input, 3 unknown restaurant,
                         4 conflict (the day kept changing) or cancelled, 5 too many solves waiting;
                         nothing is changed unless 0 (a batch: each solve commits on its own).
            """;

    private Cli() {
    }

    /** True when the arguments name a command (anything that is not a {@code --option}). */
    public static boolean isCommand(String... args) {
        return Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-") || arg.equals("-h") || arg.equals("--help"));
    }

    /** The server's arguments: {@code --demo-data} is accepted there too. */
    public static String[] serverArguments(String... args) {
        return Arrays.stream(args).map(arg -> arg.equals("--demo-data") ? "--tablesolver.demo-data=true" : arg)
                .toArray(String[]::new);
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (CliUsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'help' for the commands and options.");
            return INVALID;
        }
        if (arguments.command() instanceof CliCommand.Help) {
            out.print(USAGE);
            return OK;
        }
        ConfigurableApplicationContext context;
        try {
            context = start(arguments);
        } catch (RuntimeException e) {
            err.println("error: the application could not start: " + rootMessage(e));
            return FAILED;
        }
        try (context) {
            return new CommandRunner(context, out, err).run(arguments.command());
        }
    }

    private static ConfigurableApplicationContext start(CliArguments arguments) {
        List<String> springArguments = new ArrayList<>(arguments.springArguments());
        if (arguments.demoData()) {
            springArguments.add("--tablesolver.demo-data=true");
        }
        return new SpringApplicationBuilder(TableSolverApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // Defaults only: a --logging.level.root=INFO on the command line still wins.
                .properties("logging.level.root=WARN",
                        // Timefold registers the same global gauges for every solver; solves of --all overlap.
                        "logging.level.io.micrometer.core.instrument.MeterRegistry=ERROR",
                        "tablesolver.embedded.attach-to-running=true",
                        // A command runs the solves it asks for, not the service's queue (src/docs/operations.md "Durable solving").
                        "tablesolver.solve.run-others=false")
                .run(springArguments.toArray(String[]::new));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
