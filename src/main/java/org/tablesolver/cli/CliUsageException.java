package org.tablesolver.cli;

/** The command line cannot be understood; nothing was started or changed. */
class CliUsageException extends Exception {

    CliUsageException(String message) {
        super(message);
    }
}
