package org.tablesolver.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/** Every application connection carries the statement, lock and idle-in-transaction timeouts and keepalives. */
@DatabaseTest
@Tag("slow")
class ConnectionTimeoutsTest {

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    TestDatabase db;

    @Test
    void theApplicationsConnectionsHaveTheirTimeouts() throws Exception {
        assertThat(db.jdbc().sql("show statement_timeout").query(String.class).single()).isEqualTo("1min");
        assertThat(db.jdbc().sql("show lock_timeout").query(String.class).single()).isEqualTo("30s");
        assertThat(db.jdbc().sql("show idle_in_transaction_session_timeout").query(String.class).single())
                .isEqualTo("2min");
        assertThat(dataSource.getDataSourceProperties()).containsEntry("tcpKeepAlive", "true")
                .containsEntry("socketTimeout", "90");
    }

    @Test
    void aStatementThatRunsTooLongIsEnded() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = '200ms'");
            assertThatThrownBy(() -> statement.execute("select pg_sleep(5)"))
                    .hasMessageContaining("statement timeout");
            statement.execute("reset statement_timeout");
        }
    }
}
