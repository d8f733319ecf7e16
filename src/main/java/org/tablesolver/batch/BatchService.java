package org.tablesolver.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tablesolver.database.Rows;
import org.tablesolver.solve.SolveRun;
import org.tablesolver.solve.SolveService;
import org.tablesolver.solve.SolveStatus;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.NotFoundException;

/**
 * Batches: one solve per restaurant of a date, accepted together (all or none) and followed together. The solves
 * are ordinary solves (db-scheduler jobs), so they run on any instance, survive restarts, and one restaurant-day is
 * never solved twice at once.
 */
@Service
public class BatchService {

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    /** Where a batch came from ({@code solve_batch.origin}). */
    public enum Origin { API, NIGHTLY, CLI }

    private final SolveService solves;
    private final JdbcClient jdbc;

    BatchService(SolveService solves, JdbcClient jdbc) {
        this.solves = solves;
        this.jdbc = jdbc;
    }

    /**
     * Accepts a batch.
     *
     * @param restaurants null: every restaurant with bookings that day among {@code visible} (null = all)
     * @throws NotFoundException       naming {@code restaurants} for an unknown restaurant (nothing accepted)
     * @throws InvalidRequestException for duplicates or an unknown configuration
     */
    public BatchView create(LocalDate date, List<String> restaurants, List<String> visible, SolveMode mode,
                            String config, Origin origin) {
        return create(UUID.randomUUID().toString(), date, restaurants, visible, mode, config, origin);
    }

    private BatchView create(String id, LocalDate date, List<String> restaurants, List<String> visible,
                             SolveMode mode, String config, Origin origin) {
        List<String> chosen;
        if (restaurants == null) {
            chosen = solves.restaurantsWithBookings(date).stream()
                    .filter(r -> visible == null || visible.contains(r)).toList();
        } else {
            if (new LinkedHashSet<>(restaurants).size() != restaurants.size()) {
                throw new InvalidRequestException("restaurants", "names a restaurant more than once");
            }
            chosen = restaurants;
        }
        String configName = solves.checkedConfig(config);
        SolveMode solveMode = mode == null ? SolveMode.PENDING_ONLY : mode;
        Runnable insert = () -> Rows.exactlyOne(jdbc.sql("""
                        insert into solve_batch (id, service_date, mode, config, origin, requested_at)
                        values (:id, :date, :mode, :config, :origin, :at)
                        """)
                .param("id", id).param("date", date).param("mode", solveMode.name()).param("config", configName)
                .param("origin", origin.name())
                .param("at", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .atOffset(java.time.ZoneOffset.UTC))
                .update(), "insert solve_batch " + id);
        if (chosen.isEmpty()) {
            insert.run();
        } else {
            try {
                solves.submitAll(chosen, date, solveMode, configName, null, new SolveService.Batch(id, insert));
            } catch (NotFoundException e) {
                throw new NotFoundException("restaurants", e.getMessage());
            }
        }
        log.info("batch id={} date={} origin={} accepted {} solves", id, date, origin, chosen.size());
        return find(id).orElseThrow();
    }

    /**
     * The nightly batch of {@code date}: created once, whichever instance runs the schedule and however often it
     * fires for that date (its id is {@code nightly-<date>}). Empty when it already exists.
     */
    public Optional<BatchView> nightly(LocalDate date) {
        String id = "nightly-" + date;
        if (find(id).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(create(id, date, null, null, null, null, Origin.NIGHTLY));
        } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
            return Optional.empty();
        }
    }

    /** A batch as it is now. */
    public Optional<BatchView> find(String batchId) {
        record Row(String id, LocalDate date, String origin, SolveMode mode, String config, Instant requestedAt) {
        }
        Optional<Row> row = jdbc.sql("""
                        select id, service_date, origin, mode, config, requested_at from solve_batch where id = :id
                        """)
                .param("id", batchId)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getObject("service_date", LocalDate.class),
                        rs.getString("origin"), SolveMode.valueOf(rs.getString("mode")), rs.getString("config"),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant()))
                .optional();
        return row.map(batch -> {
            List<SolveRun> runs = solves.ofBatch(batchId);
            Map<SolveStatus, Integer> counts = new EnumMap<>(SolveStatus.class);
            for (SolveStatus status : SolveStatus.values()) {
                counts.put(status, 0);
            }
            List<BatchView.BatchSolve> list = new ArrayList<>();
            for (SolveRun run : runs) {
                counts.merge(run.status(), 1, Integer::sum);
                list.add(new BatchView.BatchSolve(run.restaurantId(), run.solveId(), run.status()));
            }
            boolean finished = runs.stream().allMatch(run -> run.status().finished());
            return new BatchView(batch.id(), batch.date(), batch.origin(), batch.mode(), batch.config(),
                    batch.requestedAt(), finished, counts, list);
        });
    }
}
