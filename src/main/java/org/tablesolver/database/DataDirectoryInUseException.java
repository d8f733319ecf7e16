package org.tablesolver.database;

import java.nio.file.Path;

/** The embedded default's data directory is used by another PostgreSQL, so this process cannot start one on it. */
class DataDirectoryInUseException extends IllegalStateException {

    private final Path directory;
    private final RunningPostgres running;

    DataDirectoryInUseException(Path directory, RunningPostgres running) {
        super("The data directory " + directory + " is in use by a running PostgreSQL (process " + running.pid()
                + ", port " + running.port() + "), probably another table-solver. Stop it first, or start this one "
                + "with another data directory (tablesolver.embedded.data-directory) or an external database "
                + "(SPRING_DATASOURCE_URL).");
        this.directory = directory;
        this.running = running;
    }

    Path directory() {
        return directory;
    }

    RunningPostgres running() {
        return running;
    }
}
