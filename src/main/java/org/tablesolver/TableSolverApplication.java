package org.tablesolver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.tablesolver.cli.Cli;

@SpringBootApplication
public class TableSolverApplication {

    /**
     * Without a command: the service (REST API on port 8080). With one ({@code solve}, {@code import},
     * {@code plan}, {@code help}): the command line, without a web server; the exit status tells the outcome.
     */
    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(TableSolverApplication.class, Cli.serverArguments(args));
    }
}
