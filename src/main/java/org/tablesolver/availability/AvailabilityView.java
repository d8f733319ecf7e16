package org.tablesolver.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.LoadedDay;

/**
 * Availability kept as a view of the stored state, not computed from scratch per request.
 * <p>
 * <b>One state per version.</b> Every committed write that can change an answer moves the restaurant's state version
 * ({@code change_counter.state_version}, V10's triggers, counted at COMMIT); a capacity or table hold whose expiry a
 * reader sees pass is marked {@code lapsed} first, which is such a write. So a version names one state, and every
 * answer says which ({@code asOf}). A request marks lapsed holds and reads the version (two short statements); when
 * the view already holds the day at that version it answers from it, else it loads the day once, in one snapshot,
 * for all the requests that wait for it. Every instance works so, and the database is the only source of truth: two
 * instances answer the same for the same {@code asOf}, and no answer is older than the last write committed before
 * the request arrived.
 * <p>
 * <b>Cells maintained.</b> An answer is a list of cells (a party at a start); each cell's answer is kept with what it
 * depends on ({@link CellFingerprints}). After a write, a cell is computed again by the exact check only when what it
 * depends on changed (the parties connected to the write in time and tables), and not even then when the change
 * cannot turn its answer: parties only added to a FULL cell, or only taken away from an available one. A NOT_PROVEN
 * cell is kept only while the very same parties (ids and seatings too) surround it: its search would end the same.
 * <p>
 * <b>Admission control.</b> Computations run on a bounded pool, fair across restaurants ({@link FairExecutor}); request
 * threads only wait and hold no database connection meanwhile. Identical work in flight is done once; work that no
 * request waits for any more is cancelled between cells; a full queue, or a wait longer than {@code maxWait}, is a
 * 503 with Retry-After at once.
 */
@Component
class AvailabilityView implements AutoCloseable {

    /** One question about a day: a party (size, length of stay, zone) over a grid ({@code from}-{@code to}, or null). */
    record Question(int partySize, int durationMinutes, String zone, LocalTime from, LocalTime to) {
    }

    /** A day at one version: what every answer of that version is computed from. */
    static final class DayState {
        final long asOf;
        final FloorPlan plan;
        final LoadedDay day;
        private CellFingerprints fingerprints;

        DayState(long asOf, FloorPlan plan, LoadedDay day) {
            this.asOf = asOf;
            this.plan = plan;
            this.day = day;
        }

        synchronized CellFingerprints fingerprints() {
            if (fingerprints == null) {
                fingerprints = new CellFingerprints(plan, day);
            }
            return fingerprints;
        }
    }

    private record AnswerKey(DayKey day, Question question) {
    }

    /**
     * A cell's last answer and the items it was computed from, with the seating of everyone its last "yes" found
     * ({@link #encode}d, or null): the next check of the cell tries it first.
     */
    private record KeptCell(CellFingerprints.Cell cell, Availability.Slot slot, String witness) {
    }

    /**
     * A witness as one string, "booking seating" pairs a line each: tens of thousands of cells are kept, and a map of
     * a large day's 250 parties per cell would hold far more memory than its text (ids hold no white space; a witness
     * garbled anyway is only a hint that does not hold).
     */
    static String encode(Map<String, String> witness) {
        if (witness == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(witness.size() * 16);
        witness.forEach((booking, seating) -> text.append(booking).append(' ').append(seating).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        if (text == null) {
            return null;
        }
        Map<String, String> witness = new java.util.HashMap<>();
        int from = 0;
        while (from < text.length()) {
            int space = text.indexOf(' ', from);
            int end = text.indexOf('\n', from);
            if (space < 0 || end < 0 || space > end) {
                break;
            }
            witness.put(text.substring(from, space), text.substring(space + 1, end));
            from = end + 1;
        }
        return witness;
    }

    private record FlightKey(Object what, long asOf) {
    }

    /** One computation that requests wait for; cancelled when the last of them gives up. */
    private static final class Flight<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicInteger waiters = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicBoolean started = new AtomicBoolean();
    }

    private static final int CHUNK = 24;

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final DayLoader dayLoader;
    private final TransactionTemplate snapshot;
    private final OnlineBookingProperties properties;
    private final FairExecutor executor;
    private final Map<DayKey, DayState> days;
    private final Map<AnswerKey, Availability> answers;
    private final Map<String, KeptCell> cells;
    private final Map<FlightKey, Flight<?>> flights = new ConcurrentHashMap<>();
    private final Counter computed;
    private final Counter reused;
    private final Counter free;

    @org.springframework.beans.factory.annotation.Autowired
    AvailabilityView(JdbcClient jdbc, FloorPlanService floorPlans, DayLoader dayLoader,
                     PlatformTransactionManager transactions, OnlineBookingProperties properties,
                     MeterRegistry registry) {
        this(jdbc, floorPlans, dayLoader, transactions, properties, registry, new FairExecutor(
                properties.workersOrDefault(), properties.maxQueued(), properties.maxQueuedPerRestaurant()));
    }

    /** With a pool of the caller's (tests that hold its workers). */
    AvailabilityView(JdbcClient jdbc, FloorPlanService floorPlans, DayLoader dayLoader,
                     PlatformTransactionManager transactions, OnlineBookingProperties properties,
                     MeterRegistry registry, FairExecutor executor) {
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.dayLoader = dayLoader;
        this.properties = properties;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.executor = executor;
        this.days = lru(properties.daysKept());
        this.answers = lru(properties.availabilityCacheSize());
        this.cells = lru(properties.cellsKept());
        this.computed = Counter.builder("tablesolver.availability.cells").tag("outcome", "computed")
                .description("Availability cells decided by the exact check").register(registry);
        this.reused = Counter.builder("tablesolver.availability.cells").tag("outcome", "reused")
                .description("Availability cells answered again without a check: nothing they depend on changed")
                .register(registry);
        this.free = Counter.builder("tablesolver.availability.cells").tag("outcome", "free")
                .description("Availability cells answered by a free seating with everyone where they are")
                .register(registry);
    }

    // ************************************************************************
    // The state
    // ************************************************************************

    /** The restaurant's version after marking the holds whose expiry has passed, and the instant they were judged at. */
    record Current(Instant at, long version) {
    }

    /** The day at the current version (marking lapsed holds first); loaded once per version for all who ask. */
    DayState state(DayKey key) {
        return state(key, current(key.restaurantId()));
    }

    /** Marks the restaurant's lapsed holds and reads its version: once for every date a request asks about. */
    Current current(String restaurantId) {
        Instant at = jdbc.sql("""
                        with now as (select clock_timestamp() as at),
                             swept as (update table_hold h set lapsed = true from now
                                       where h.restaurant_id = :r and not h.lapsed and h.expires_at <= now.at
                                       returning 1)
                        select at from now
                        """)
                .param("r", restaurantId)
                .query((rs, n) -> rs.getObject("at", OffsetDateTime.class).toInstant()).single();
        return new Current(at, version(restaurantId));
    }

    /** The day at the version {@code current} read (or a later one). */
    DayState state(DayKey key, Current current) {
        long version = current.version();
        Instant at = current.at();
        DayState known = get(days, key);
        if (known != null && known.asOf >= version) {
            return known;
        }
        Flight<DayState> flight = join(new FlightKey(key, version));
        try {
            if (flight.started.compareAndSet(false, true)) {
                // the first request loads it on its own thread: loading is database work, brief and bounded
                loadInto(flight, key, at);
            }
            return flight.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            leave(new FlightKey(key, version), flight);
        }
    }

    private void loadInto(Flight<DayState> flight, DayKey key, Instant holdsAt) {
        try {
            DayState state = snapshot.execute(status -> {
                long asOf = version(key.restaurantId());
                FloorPlan plan = floorPlans.get(key.restaurantId());
                return new DayState(asOf, plan, dayLoader.readInTransaction(key, plan, holdsAt));
            });
            synchronized (days) {
                DayState known = days.get(key);
                if (known == null || known.asOf < state.asOf) {
                    days.put(key, state);
                }
            }
            flight.result.complete(state);
        } catch (RuntimeException e) {
            flight.result.completeExceptionally(e);
        }
    }

    private long version(String restaurantId) {
        return jdbc.sql("select state_version from change_counter where restaurant_id = :r")
                .param("r", restaurantId).query(Long.class).optional().orElse(0L);
    }

    // ************************************************************************
    // Answers
    // ************************************************************************

    /** Starts (or joins) the computation of {@code question} on {@code state}; the answer is awaited by {@link #await}. */
    Pending answer(DayState state, Question question, List<LocalDateTime> grid) {
        DayKey key = state.day.key();
        AnswerKey answerKey = new AnswerKey(key, question);
        Availability known = get(answers, answerKey);
        if (known != null && known.asOf() == state.asOf) {
            return new Pending(null, null, known);
        }
        FlightKey flightKey = new FlightKey(answerKey, state.asOf);
        Flight<Availability> flight = join(flightKey);
        if (flight.started.compareAndSet(false, true)) {
            try {
                executor.execute(key.restaurantId(), () -> compute(flight, answerKey, state, grid));
            } catch (FairExecutor.Overloaded overloaded) {
                flight.result.completeExceptionally(overloaded);
            }
        }
        return new Pending(flightKey, flight, null);
    }

    /** An answer on its way: {@link #await} it (once). */
    final class Pending {
        private final FlightKey key;
        private final Flight<Availability> flight;
        private final Availability done;

        private Pending(FlightKey key, Flight<Availability> flight, Availability done) {
            this.key = key;
            this.flight = flight;
            this.done = done;
        }

        /** The answer, waiting at most until {@code deadline}; 503 (Retry-After) when overloaded or late. */
        Availability await(long deadlineNanos) {
            if (done != null) {
                return done;
            }
            try {
                return flight.result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new ServiceBusyException("The availability of this day is still being computed after "
                        + properties.maxWait().toMillis() + " ms (the service is busy); nothing was lost: ask again.",
                        1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof FairExecutor.Overloaded overloaded) {
                    throw new ServiceBusyException("Too many availability questions wait to be answered ("
                            + overloaded.getMessage() + "); ask again in a moment.", 1);
                }
                throw unwrap(e);
            } finally {
                leave(key, flight);
            }
        }
    }

    private void compute(Flight<Availability> flight, AnswerKey key, DayState state, List<LocalDateTime> grid) {
        try {
            if (flight.cancelled.get()) {
                throw new CancellationException("no request waits for it any more");
            }
            Question question = key.question();
            SlotJudge judge = new SlotJudge(state.plan, state.day, properties.budget(), null);
            SlotJudge.Party party = new SlotJudge.Party(question.partySize(), question.durationMinutes(),
                    question.zone(), null);
            CellFingerprints fingerprints = state.fingerprints();
            Availability.Slot[] slots = new Availability.Slot[grid.size()];
            CellFingerprints.Cell[] keys = new CellFingerprints.Cell[grid.size()];
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                if (i % CHUNK == 0 && flight.cancelled.get()) {
                    throw new CancellationException("no request waits for it any more");
                }
                SlotJudge.Answer ruled = judge.rules(grid.get(i), party);
                if (ruled != null) {
                    slots[i] = slot(ruled);
                    continue;
                }
                keys[i] = fingerprints.of(grid.get(i), party);
                if (keys[i].free()) {
                    slots[i] = new Availability.Slot(grid.get(i), true, null, null);
                    free.increment();
                    continue;
                }
                Availability.Slot kept = kept(keys[i]);
                if (kept != null) {
                    slots[i] = kept;
                    reused.increment();
                } else {
                    todo.add(i);
                }
            }
            for (int from = 0; from < todo.size(); from += CHUNK) {
                if (flight.cancelled.get()) {
                    throw new CancellationException("no request waits for it any more");
                }
                List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                List<String> kept = new ArrayList<>();
                List<Map<String, String>> witnesses = new ArrayList<>();
                for (int i : chunk) {
                    KeptCell known = get(cells, keys[i].identity());
                    kept.add(known == null ? null : known.witness());
                    witnesses.add(decode(kept.get(kept.size() - 1)));
                }
                List<SlotJudge.Answer> decided = judge.judgeAll(chunk.stream().map(grid::get).toList(), party,
                        witnesses);
                for (int j = 0; j < chunk.size(); j++) {
                    SlotJudge.Answer answer = decided.get(j);
                    Availability.Slot slot = slot(answer);
                    slots[chunk.get(j)] = slot;
                    computed.increment();
                    Map<String, String> witness = SlotJudge.witness(answer);
                    put(cells, keys[chunk.get(j)].identity(), new KeptCell(keys[chunk.get(j)], slot,
                            witness != null ? encode(witness) : kept.get(j)));
                }
            }
            Availability answer = new Availability(key.day().restaurantId(), key.day().date(), question.partySize(),
                    question.durationMinutes(), question.zone(), state.asOf, List.of(slots));
            synchronized (answers) {
                Availability known = answers.get(key);
                if (known == null || known.asOf() <= state.asOf) {
                    answers.put(key, answer);
                }
            }
            flight.result.complete(answer);
        } catch (RuntimeException | Error e) {
            flight.result.completeExceptionally(e);
        }
    }

    private static Availability.Slot slot(SlotJudge.Answer answer) {
        return new Availability.Slot(answer.start(), answer.available(), answer.available() ? null
                : answer.code().name(), answer.reason());
    }

    /**
     * The answer kept for a cell, when it still holds: the same items; or only more of them (parties added,
     * nothing taken away) after a FULL; or only fewer after an available one. Null when it must be checked.
     */
    private Availability.Slot kept(CellFingerprints.Cell cell) {
        KeptCell known = get(cells, cell.identity());
        if (known == null) {
            return null;
        }
        if ("NOT_PROVEN".equals(known.slot().code())) {
            // a budget's end is kept only for the very same parties, seatings and ids: the search it ended is the same
            return known.cell().sameItems(cell) && known.cell().exact() == cell.exact() ? known.slot() : null;
        }
        if (known.cell().sameItems(cell)) {
            return known.slot();
        }
        if ("FULL".equals(known.slot().code()) && known.cell().subsetOf(cell)) {
            return known.slot();
        }
        if (known.slot().available() && cell.subsetOf(known.cell())) {
            return known.slot();
        }
        return null;
    }

    /** Forgets every kept answer and cell (for benchmarks that measure the first answer after a change). */
    void forget() {
        synchronized (answers) {
            answers.clear();
        }
        synchronized (cells) {
            cells.clear();
        }
        synchronized (days) {
            days.clear();
        }
    }

    long deadline() {
        return System.nanoTime() + properties.maxWait().toNanos();
    }

    @SuppressWarnings("unchecked")
    private <T> Flight<T> join(FlightKey key) {
        while (true) {
            Flight<T> flight = (Flight<T>) flights.computeIfAbsent(key, k -> new Flight<T>());
            synchronized (flight) {
                if (!flight.cancelled.get()) {
                    flight.waiters.incrementAndGet();
                    return flight;
                }
            }
            flights.remove(key, flight);
        }
    }

    private void leave(FlightKey key, Flight<?> flight) {
        if (key == null) {
            return;
        }
        synchronized (flight) {
            if (flight.waiters.decrementAndGet() == 0) {
                flights.remove(key, flight);
                if (!flight.result.isDone()) {
                    flight.cancelled.set(true);
                }
            }
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private static <K, V> V get(Map<K, V> map, K key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    private static <K, V> void put(Map<K, V> map, K key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}
