package org.tablesolver.cli;

import java.nio.file.Path;
import java.time.LocalDate;

import org.tablesolver.solver.SolveMode;

/** A parsed command of the command line. */
sealed interface CliCommand {

    /** {@code solve --restaurant R --date D [--mode M] [--config C]}, or {@code --all} instead of a restaurant. */
    record Solve(String restaurantId, LocalDate date, SolveMode mode, String config) implements CliCommand {

        boolean all() {
            return restaurantId == null;
        }
    }

    /** {@code batch --date D [--restaurants R,...] [--mode M] [--config C] [--wait]}; restaurants null = all. */
    record Batch(LocalDate date, java.util.List<String> restaurants, SolveMode mode, String config, boolean await)
            implements CliCommand {
    }

    /** {@code import FILE}. */
    record Import(Path file) implements CliCommand {
    }

    /** {@code plan --restaurant R --date D}. */
    record Plan(String restaurantId, LocalDate date) implements CliCommand {
    }

    /** {@code create-key --name N --scopes S,... [--restaurants R,...]}; restaurants null = every restaurant. */
    record CreateKey(String name, java.util.List<String> scopes, java.util.List<String> restaurants)
            implements CliCommand {
    }

    /**
     * {@code benchmark --days FILE [FILE...] | --restaurant R --from D --to D, --configs C[,C...] [--out DIR]};
     * {@code days} null when the days come from the database.
     */
    record Benchmark(java.util.List<Path> days, String restaurant, LocalDate from, LocalDate to,
                     java.util.List<String> configs, Path out, boolean htmlReport) implements CliCommand {
    }

    /** {@code help}. */
    record Help() implements CliCommand {
    }
}
