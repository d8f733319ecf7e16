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

    /** The row of an accepted solve, written before it is answered (QUEUED); autocommit. */
    void queued(SolveRun run) {
        Rows.exactlyOne(jdbc.sql("""
                        insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at)
                        values (:id, :r, :date, :mode, :config, 'QUEUED', :requestedAt)
                        """)
                .param("id", run.solveId()).param("r", run.restaurantId()).param("date", run.date())
                .param("mode", run.mode().name()).param("config", run.config())
                .param("requestedAt", DayLoader.utc(run.requestedAt()))
                .update(), "insert queued solve_run " + run.solveId());
    }

    /** QUEUED → SOLVING when a worker takes the solve up. */
    void started(String id, java.time.Instant startedAt) {
        jdbc.sql("update solve_run set status = 'SOLVING', started_at = :at where id = :id and status = 'QUEUED'")
                .param("id", id).param("at", DayLoader.utc(startedAt)).update();
    }

    /** Solves that were accepted or running, oldest first (after a restart, they are run again). */
    List<SolveRun> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from solve_run where status in ('QUEUED', 'SOLVING') "
                        + "order by requested_at, id")
                .query(SolveRuns::run)
                .list();
    }

    /** Deletes finished solves older than the retention; returns how many. */
    int forgetOlderThan(java.time.Duration retention) {
        return jdbc.sql("delete from solve_run where finished_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) retention.toSeconds()).update();
    }

    /** The full result of a finished solve (its JSON), or null. */
    String result(String id) {
        return jdbc.sql("select result::text from solve_run where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /**
     * Records the end of a solve, with its result as JSON: the row written at submission goes from QUEUED or
     * SOLVING to the end, or is written now when it is missing. A solve that already ended is refused (a solve id
     * ends, and commits, at most once). Joins the caller's transaction when there is one (a COMMITTED row is
     * written with the plan).
     */
    void insert(SolveRun run) {
        insert(run, null);
    }

    void insert(SolveRun run, String result) {
        Rows.exactlyOne(jdbc.sql("insert into solve_run (" + COLUMNS + """
                        , result) values (:id, :r, :date, :mode, :config, :status, :score, :seated, :unseated,
                                  :newlyConfirmed, :moved, :bound, :gap, :proven, :attempts, :error, :requestedAt,
                                  :startedAt, :finishedAt, cast(:result as jsonb))
                        on conflict (id) do update set
                            status = excluded.status, score = excluded.score, seated = excluded.seated,
                            unseated = excluded.unseated, newly_confirmed = excluded.newly_confirmed,
                            moved = excluded.moved, bound = excluded.bound, gap = excluded.gap,
                            proven = excluded.proven, attempts = excluded.attempts, error = excluded.error,
                            started_at = coalesce(solve_run.started_at, excluded.started_at),
                            finished_at = excluded.finished_at, result = excluded.result
                        where solve_run.status in ('QUEUED', 'SOLVING')
                        """)
                .param("result", result)
                .param("id", run.solveId()).param("r", run.restaurantId()).param("date", run.date())
                .param("mode", run.mode().name()).param("config", run.config()).param("status", run.status().name())
                .param("score", run.score()).param("seated", run.seated()).param("unseated", run.unseated())
                .param("newlyConfirmed", run.newlyConfirmed()).param("moved", run.moved())
                .param("bound", run.bound()).param("gap", run.gap()).param("proven", run.proven())
                .param("attempts", run.attempts()).param("error", run.error())
                .param("requestedAt", DayLoader.utc(run.requestedAt()))
                .param("startedAt", run.startedAt() == null ? null : DayLoader.utc(run.startedAt()))
                .param("finishedAt", DayLoader.utc(run.finishedAt()))
                .update(), "end solve_run " + run.solveId() + " (a solve ends at most once)");
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
