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
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.SolveMode;

/** The audit table {@code solve_run}. */
@Repository
class SolveRuns {

    private static final String COLUMNS = """
            id, restaurant_id, service_date, mode, config, status, score, seated, unseated, newly_confirmed, moved,
            bound, gap, proven, ended_by, attempts, error, requested_at, started_at, finished_at
            """;

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    SolveRuns(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    /** The row of an accepted solve, written before it is answered (QUEUED), in the caller's transaction. */
    void queued(SolveRun run, String batchId) {
        Rows.exactlyOne(jdbc.sql("""
                        insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at,
                                               batch_id)
                        values (:id, :r, :date, :mode, :config, 'QUEUED', :requestedAt, :batch)
                        """)
                .param("batch", batchId)
                .param("id", run.solveId()).param("r", run.restaurantId()).param("date", run.date())
                .param("mode", run.mode().name()).param("config", run.config())
                .param("requestedAt", DayLoader.utc(run.requestedAt()))
                .update(), "insert queued solve_run " + run.solveId());
    }

    /** What {@link #claim} found, and when the solve started (its first run's start). */
    record Claimed(Claim claim, Instant startedAt) {
    }

    /** What {@link #claim} found. */
    enum Claim {
        /** The solve is this worker's now (SOLVING). */
        CLAIMED,
        /** Another solve of the same restaurant-day is running on some instance: try again later. */
        DAY_BUSY,
        /** The solve ended meanwhile (cancelled, or finished by an earlier run of its job), or has no row. */
        ENDED
    }

    /**
     * Takes a solve up for running: QUEUED (or SOLVING, when an earlier run of its job died) → SOLVING, unless
     * another solve of its restaurant-day is running on any instance (SOLVING with a picked job). The check and the
     * update run under an advisory lock on the day, so two instances never both take one day.
     */
    Claimed claim(String id, DayKey key) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                    .param("name", "solve-claim:" + key.lockName()).query().singleRow();
            boolean busy = jdbc.sql("""
                            select exists (
                                select 1 from solve_run s
                                join scheduled_tasks t on t.task_name = :task and t.task_instance = s.id and t.picked
                                where s.restaurant_id = :r and s.service_date = :date and s.status = 'SOLVING'
                                  and s.id <> :id)
                            """)
                    .param("task", SolveTasks.SOLVE).param("r", key.restaurantId()).param("date", key.date())
                    .param("id", id).query(Boolean.class).single();
            if (busy) {
                return new Claimed(Claim.DAY_BUSY, null);
            }
            Optional<OffsetDateTime> started = jdbc.sql("""
                            update solve_run set status = 'SOLVING', started_at = coalesce(started_at, :now),
                                                 score = null, seated = null
                            where id = :id and status in ('QUEUED', 'SOLVING')
                            returning started_at
                            """)
                    .param("id", id).param("now", DayLoader.utc(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
            return started.map(at -> new Claimed(Claim.CLAIMED, at.toInstant()))
                    .orElseGet(() -> new Claimed(Claim.ENDED, null));
        });
    }

    /** SOLVING → QUEUED: the instance running it stops (a shutdown) and leaves it to the next one. */
    void requeue(String id) {
        jdbc.sql("update solve_run set status = 'QUEUED', score = null, seated = null where id = :id "
                        + "and status = 'SOLVING'")
                .param("id", id).update();
    }

    /** The best plan so far of running solves, for instances that answer about a solve they do not run. */
    void progress(String id, String score, Integer seated) {
        jdbc.sql("update solve_run set score = :score, seated = :seated where id = :id and status = 'SOLVING'")
                .param("id", id).param("score", score).param("seated", seated).update();
    }

    /** Asks the instance running the solve to stop it; false when it is not running any more. */
    boolean requestStop(String id, boolean discard) {
        return jdbc.sql("""
                        update solve_run set stop_request = case when :discard or stop_request = 'DISCARD'
                                                                 then 'DISCARD' else 'STOP' end
                        where id = :id and status in ('QUEUED', 'SOLVING')
                        """)
                .param("id", id).param("discard", discard).update() == 1;
    }

    /** The stop requests among these solves: id → true for DISCARD, false for STOP. */
    java.util.Map<String, Boolean> stopRequests(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Boolean> requests = new java.util.TreeMap<>();
        jdbc.sql("select id, stop_request from solve_run where id = any(:ids) and stop_request is not null")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> requests.put(rs.getString(1), "DISCARD".equals(rs.getString(2)))).list();
        return requests;
    }

    /** The end of a solve that never started: QUEUED → CANCELLED; false when it had started or ended. */
    boolean cancelQueued(String id, String error) {
        return jdbc.sql("""
                        update solve_run set status = 'CANCELLED', error = :error, finished_at = now()
                        where id = :id and status = 'QUEUED'
                        """)
                .param("id", id).param("error", error).update() == 1;
    }

    /** Solves waiting to run: in all, and of one restaurant-day. */
    record Queued(int total, int day) {
    }

    Queued queued(DayKey key) {
        return jdbc.sql("""
                        select count(*) as total,
                               count(*) filter (where restaurant_id = :r and service_date = :date) as day
                        from solve_run where status = 'QUEUED'
                        """)
                .param("r", key.restaurantId()).param("date", key.date())
                .query((rs, n) -> new Queued(rs.getInt("total"), rs.getInt("day"))).single();
    }

    /** The oldest queued solve of a restaurant-day, to be run next. */
    Optional<String> nextQueued(DayKey key) {
        return jdbc.sql("""
                        select id from solve_run
                        where restaurant_id = :r and service_date = :date and status = 'QUEUED'
                        order by requested_at, id limit 1
                        """)
                .param("r", key.restaurantId()).param("date", key.date()).query(String.class).optional();
    }

    /** Those of these solves that have ended. */
    List<String> ended(java.util.Collection<String> ids) {
        return jdbc.sql("select id from solve_run where id = any(:ids) and status not in ('QUEUED', 'SOLVING')")
                .param("ids", ids.toArray(String[]::new)).query(String.class).list();
    }

    /** Bookings of a restaurant-day that a solve looks at (not cancelled). */
    int bookingsOfDay(DayKey key) {
        return jdbc.sql("""
                        select count(*) from booking where restaurant_id = :r and service_date = :date
                          and status in ('PENDING', 'CONFIRMED', 'SEATED')
                        """)
                .param("r", key.restaurantId()).param("date", key.date()).query(Integer.class).single();
    }

    /** Solves that were accepted or running, oldest first. */
    List<SolveRun> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from solve_run where status in ('QUEUED', 'SOLVING') "
                        + "order by requested_at, id")
                .query(SolveRuns::run)
                .list();
    }

    /** The solves of a batch, by restaurant. */
    List<SolveRun> ofBatch(String batchId) {
        return jdbc.sql("select " + COLUMNS + " from solve_run where batch_id = :batch order by restaurant_id, id")
                .param("batch", batchId)
                .query(SolveRuns::run)
                .list();
    }

    /** Deletes finished solves older than the retention; returns how many. */
    int forgetOlderThan(java.time.Duration retention) {
        int forgotten = jdbc.sql("delete from solve_run where finished_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) retention.toSeconds()).update();
        // Batches go with their last solve.
        jdbc.sql("""
                        delete from solve_batch b where requested_at < now() - make_interval(secs => :seconds)
                          and not exists (select 1 from solve_run s where s.batch_id = b.id)
                        """)
                .param("seconds", (double) retention.toSeconds()).update();
        return forgotten;
    }

    /** The full lists of blockers of a finished solve (JSON: booking id to list), or null. */
    String blockers(String id) {
        return jdbc.sql("select blockers from solve_run where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /** The full result of a finished solve (its JSON), or null. */
    String result(String id) {
        return jdbc.sql("select result from solve_run where id = :id").param("id", id)
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
                        , result, state_after, blockers) values (:id, :r, :date, :mode, :config, :status, :score, :seated, :unseated,
                                  :newlyConfirmed, :moved, :bound, :gap, :proven, :endedBy, :attempts, :error, :requestedAt,
                                  :startedAt, :finishedAt, :result, :stateAfter, :blockers)
                        on conflict (id) do update set
                            status = excluded.status, score = excluded.score, seated = excluded.seated,
                            unseated = excluded.unseated, newly_confirmed = excluded.newly_confirmed,
                            moved = excluded.moved, bound = excluded.bound, gap = excluded.gap,
                            proven = excluded.proven, ended_by = excluded.ended_by, attempts = excluded.attempts,
                            error = excluded.error,
                            started_at = coalesce(solve_run.started_at, excluded.started_at),
                            finished_at = excluded.finished_at, result = excluded.result,
                            state_after = excluded.state_after, blockers = excluded.blockers
                        where solve_run.status in ('QUEUED', 'SOLVING')
                        """)
                .param("result", result).param("stateAfter", run.stateAfter())
                .param("blockers", run.blockers())
                .param("id", run.solveId()).param("r", run.restaurantId()).param("date", run.date())
                .param("mode", run.mode().name()).param("config", run.config()).param("status", run.status().name())
                .param("score", run.score()).param("seated", run.seated()).param("unseated", run.unseated())
                .param("newlyConfirmed", run.newlyConfirmed()).param("moved", run.moved())
                .param("bound", run.bound()).param("gap", run.gap()).param("proven", run.proven())
                .param("endedBy", run.endedBy() == null ? null : run.endedBy().name())
                .param("attempts", run.attempts()).param("error", run.error())
                .param("requestedAt", DayLoader.utc(run.requestedAt()))
                .param("startedAt", run.startedAt() == null ? null : DayLoader.utc(run.startedAt()))
                .param("finishedAt", DayLoader.utc(run.finishedAt()))
                .update(), "end solve_run " + run.solveId() + " (a solve ends at most once)");
    }

    /**
     * The last committed solve of a restaurant-day when it left the day in the state {@code stateAfter} (a
     * {@link DayState} fingerprint, mode and configuration included), else empty.
     */
    Optional<SolveRun> lastCommittedWithState(String restaurantId, LocalDate date, String stateAfter) {
        return jdbc.sql("select " + COLUMNS + """
                        from solve_run
                        where id = (select id from solve_run
                                    where restaurant_id = :r and service_date = :date and status = 'COMMITTED'
                                    order by finished_at desc, id limit 1)
                          and state_after = :state
                        """)
                .param("r", restaurantId).param("date", date).param("state", stateAfter)
                .query(SolveRuns::run)
                .optional();
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
                rs.getString("ended_by") == null ? null : EndedBy.valueOf(rs.getString("ended_by")), rs.getInt("attempts"),
                rs.getString("error"), instant(rs, "requested_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
