package org.tablesolver.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines, instead of a page of stack trace, why a second server cannot start on the data directory. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "The embedded PostgreSQL data directory " + cause.directory() + " is in use by a running PostgreSQL "
                        + "(process " + cause.running().pid() + ", port " + cause.running().port()
                        + "), probably another table-solver server.",
                "Stop the other server, or start this one with another data directory "
                        + "(--tablesolver.embedded.data-directory=...) or an external database (SPRING_DATASOURCE_URL). "
                        + "Commands such as 'solve' or 'plan' use the running server's database by themselves.",
                cause);
    }
}
