package org.tablesolver.solve;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tablesolver.database.Rows;
import org.tablesolver.solver.SolveMode;

/** The audit table {@code solve_run}. */
@Repository
class SolveRuns {

    private static final String COLUMNS = """
            id, restaurant_id, service_date, mode, config, status, score, seated, unseated, newly_confirmed, moved,
            bound, gap, proven, attempts, error, requested_at, started_at, finished_at
            """;

    private final JdbcClient jdbc;

    SolveRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction when there is one (a COMMITTED row is written with the plan). */
    void insert(SolveRun run) {
        Rows.exactlyOne(jdbc.sql("insert into solve_run (" + COLUMNS + """
                        ) values (:id, :r, :date, :mode, :config, :status, :score, :seated, :unseated, :newlyConfirmed,
                                  :moved, :bound, :gap, :proven, :attempts, :error, :requestedAt, :startedAt, :finishedAt)
                        """)
                .param("id", run.solveId()).param("r", run.restaurantId()).param("date", run.date())
                .param("mode", run.mode().name()).param("config", run.config()).param("status", run.status().name())
                .param("score", run.score()).param("seated", run.seated()).param("unseated", run.unseated())
                .param("newlyConfirmed", run.newlyConfirmed()).param("moved", run.moved())
                .param("bound", run.bound()).param("gap", run.gap()).param("proven", run.proven())
                .param("attempts", run.attempts()).param("error", run.error())
                .param("requestedAt", DayLoader.utc(run.requestedAt()))
                .param("startedAt", run.startedAt() == null ? null : DayLoader.utc(run.startedAt()))
                .param("finishedAt", DayLoader.utc(run.finishedAt()))
                .update(), "insert solve_run " + run.solveId());
    }

    Optional<SolveRun> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from solve_run where id = :id")
                .param("id", id)
                .query(SolveRuns::run)
                .optional();
    }

    /** The latest solves first; both filters are optional. */
    List<SolveRun> list(String restaurantId, List<String> restaurants, LocalDate date, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from solve_run
                        where (cast(:r as text) is null or restaurant_id = :r)
                          and (cast(:rs as text[]) is null or restaurant_id = any(cast(:rs as text[])))
                          and (cast(:date as date) is null or service_date = :date)
                        order by requested_at desc, id
                        limit :limit
                        """)
                .param("r", restaurantId)
                .param("rs", restaurants == null ? null : restaurants.toArray(String[]::new))
                .param("date", date).param("limit", limit)
                .query(SolveRuns::run)
                .list();
    }

    private static SolveRun run(ResultSet rs, int row) throws SQLException {
        return new SolveRun(rs.getString("id"), rs.getString("restaurant_id"),
                rs.getObject("service_date", LocalDate.class), SolveMode.valueOf(rs.getString("mode")),
                rs.getString("config"), SolveStatus.valueOf(rs.getString("status")), rs.getString("score"),
                (Integer) rs.getObject("seated"), (Integer) rs.getObject("unseated"),
                (Integer) rs.getObject("newly_confirmed"), (Integer) rs.getObject("moved"),
                (Long) rs.getObject("bound"), (Double) rs.getObject("gap"), (Boolean) rs.getObject("proven"),
                rs.getInt("attempts"),
                rs.getString("error"), instant(rs, "requested_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
