package org.tablesolver.solver.repair;

import org.tablesolver.solver.SolverConfigs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import com.google.ortools.sat.SatParameters;
import com.google.protobuf.TextFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * The repair phase: a fixed sequence of sub-problems, each a time window of the day on a group of tables,
 * solved exactly by CP-SAT with the rest of the plan fixed; a sub-problem's plan replaces the working plan's
 * there only when the whole plan's score improves. This is the compound move local search lacks: it reseats
 * every party of a corner of the evening at once, to make room for one more.
 * <p>
 * A day of at most {@code wholeDayBookings} bookings is a single sub-problem: the whole day on every table. On
 * larger days windows of {@code windowMinutes}, half overlapping, cover the day; on a floor whose windows hold more than
 * {@code maxFreed} bookings the tables are split into groups of whole clusters (tables linked by combinations),
 * so every sub-problem stays small ({@code outsideGroup}: its parties may still move to gaps on other groups'
 * tables). Windows without a waiting booking that could use the group are skipped
 * (nothing to gain on the first two levels). Passes repeat, with shifted windows, until one improves nothing
 * or {@code passes} are done; the phase ends as soon as the plan reaches the day's bound
 * ({@link SeatingPlan#getSeatedWeightBound()}).
 * <p>
 * A step of the phase (one call of the command) ends after {@code keptPerStep} improving sub-problems, so the solver
 * publishes each improvement and checks its termination in between; a phase that names the command once with
 * {@code keptPerStep} gets it {@code maxSubproblems} times from {@code SolverConfigs} (one step per piece it may
 * solve), and the instances share the repair's cursor and budget.
 * <p>
 * Its budget: at most {@code maxSubproblems} sub-problems and {@code deterministicBudget} of CP-SAT's deterministic
 * time in all. Deterministic: fixed orders, and CP-SAT with one worker and a deterministic time limit per
 * sub-problem ({@code deterministicSeconds}); a wall-clock cap ten times that is only a safety. The sizes and
 * budgets default to those of {@code solver-config/repair-late-acceptance.xml}; {@code default.xml} sets its own
 * (smaller pieces with more waiting bookings, allowed out of their group, more of them, each shorter).
 */
public class ExactRepair implements PhaseCommand<SeatingPlan> {

    private static final Logger LOG = LoggerFactory.getLogger(ExactRepair.class);

    private int windowMinutes = 480;
    private int maxFreed = 250;
    private int maxWaiting = 100;
    private int passes = 3;
    private double deterministicSeconds = 5;
    private int maxSubproblems = 12;
    private double deterministicBudget = 15;
    private int wholeDayBookings = 100;
    private int keptPerStep = Integer.MAX_VALUE;
    private double minGainPermille = 0;
    private int meagrePieces = Integer.MAX_VALUE;
    private boolean presolve = true;
    private boolean hint = true;
    private boolean outsideGroup = false;
    private SatParameters cpSatParameters = SatParameters.getDefaultInstance();

    public void setWindowMinutes(int windowMinutes) {
        this.windowMinutes = windowMinutes;
    }

    /** The bookings a sub-problem frees, at most (roughly: the table groups are sized for it). */
    public void setMaxFreed(int maxFreed) {
        this.maxFreed = maxFreed;
    }

    /** Waiting (unseated) bookings a sub-problem takes in, at most: the heaviest, shortest first. */
    public void setMaxWaiting(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    public void setPasses(int passes) {
        this.passes = passes;
    }

    public void setDeterministicSeconds(double deterministicSeconds) {
        this.deterministicSeconds = deterministicSeconds;
    }

    /** Sub-problems solved in the whole phase, at most: the phase's deterministic budget. */
    public void setMaxSubproblems(int maxSubproblems) {
        this.maxSubproblems = maxSubproblems;
    }

    /** CP-SAT's deterministic time for the whole phase, at most (its unit is roughly a second of one core). */
    public void setDeterministicBudget(double deterministicBudget) {
        this.deterministicBudget = deterministicBudget;
    }

    /**
     * Days with at most this many bookings are one sub-problem: the whole day, every table and every waiting
     * booking, so a sub-problem solved to the end is the exact plan of the day.
     */
    public void setWholeDayBookings(int wholeDayBookings) {
        this.wholeDayBookings = wholeDayBookings;
    }

    /**
     * A step (one call of this command) ends after this many improving sub-problems, so the solver publishes the
     * improved plan (best-solution events, progress) and checks its termination; the next listed instance of the
     * command goes on where this one stopped. Unlimited by default: one instance does the whole repair.
     */
    public void setKeptPerStep(int keptPerStep) {
        this.keptPerStep = keptPerStep;
    }

    /**
     * A piece is meagre when it raises the seated weight by less than this many thousandths of the plan's seated
     * weight (an unimproving piece is meagre too); see {@link #setMeagrePieces}.
     */
    public void setMinGainPermille(double minGainPermille) {
        this.minGainPermille = minGainPermille;
    }

    /**
     * The repair ends after this many meagre pieces in a row: on large days its first pieces gain most, and
     * the local search after it gains more per second than its later ones. Unlimited by default.
     */
    public void setMeagrePieces(int meagrePieces) {
        this.meagrePieces = meagrePieces;
    }

    /**
     * Whether CP-SAT presolves each piece. True by default. Without it a seed-day restaurant's whole-day piece
     * reaches its bound in about half the time (RepairSpeedProbe), and together with no hint the benchmark's M and L
     * pieces reach the same optimum two to four times sooner.
     */
    public void setPresolve(boolean presolve) {
        this.presolve = presolve;
    }

    /**
     * Whether CP-SAT gets the working plan as a hint. True by default. Without it (and without presolve) CP-SAT
     * reached the same optimum of the benchmark's M and L pieces two to four times sooner: the hint costs more
     * than it saves when a piece is solved to the end, and a piece that ends below the working plan is dropped.
     */
    public void setHint(boolean hint) {
        this.hint = hint;
    }

    /**
     * Whether a piece's freed bookings may also move out of its table group, to any seating elsewhere that nothing
     * fixed is in the way of. False by default. The piece can then send a party from the group into a gap on
     * another group's tables and seat a waiting booking in its place: a move between groups that pieces confined
     * to their group never make. With it, the benchmark's L days gained the last weights that pieces confined to
     * their groups did not find in 30 pieces (RepairProbe).
     */
    public void setOutsideGroup(boolean outsideGroup) {
        this.outsideGroup = outsideGroup;
    }

    /**
     * More of CP-SAT's parameters for every piece, in protobuf text format (for example
     * {@code add_lp_constraints_lazily: false cut_level: 0}); none by default. Workers, seed, limits, presolve and
     * the hint stay the repair's own (a piece's solve must be deterministic). Refused here, when the configuration
     * is read, when it is not a valid {@code SatParameters} text.
     */
    public void setCpSatParameters(String cpSatParameters) {
        SatParameters.Builder parsed = SatParameters.newBuilder();
        try {
            TextFormat.merge(cpSatParameters, parsed);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException("cpSatParameters \"" + cpSatParameters + "\" are not CP-SAT parameters: "
                    + e.getMessage(), e);
        }
        this.cpSatParameters = parsed.build();
    }

    /**
     * Where each solve's repair stands, by the solve's score director (the same for all steps of a solve, a new
     * one for every solve; neither overrides equals, so the map is by identity): the instances of the command
     * listed in one phase share it. Weak keys, so a solve stopped halfway leaves nothing behind.
     */
    private static final Map<ScoreDirector<SeatingPlan>, Progress> PROGRESS =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void changeWorkingSolution(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        Progress progress = PROGRESS.computeIfAbsent(scoreDirector, director -> new Progress(plan));
        if (progress.done) {
            return;
        }
        if (reachedBound(plan) || plan.getBookings().isEmpty()) {
            finish(progress, plan);
            return;
        }
        try {
            repair(scoreDirector, isPhaseTerminated, progress);
        } catch (RuntimeException | Error e) {
            PROGRESS.remove(scoreDirector);
            throw e;
        }
        if (progress.done) {
            finish(progress, plan);
        }
    }

    private static void finish(Progress progress, SeatingPlan plan) {
        progress.done = true;
        LOG.debug("Repair of {} {}: {} sub-problems ({} improved), deterministic time {}, seated weight {} -> {}",
                plan.getRestaurantId(), plan.getDate(), progress.solved, progress.kept, progress.spent,
                progress.before, SeatedWeightBound.seatedWeight(plan));
    }

    /** A solve's repair: the day's pieces as a cursor (pass, window start, table group) and the effort so far. */
    private final class Progress {
        final long before;
        final List<boolean[]> groups;
        final int from;
        final int to;
        final int window;
        final int stride;
        final int waitingPerPiece;
        final boolean wholeDay;
        int pass;
        int start;
        int group;
        boolean improvedThisPass;
        boolean done;
        int solved;
        int kept;
        int meagreInARow;
        double spent;

        Progress(SeatingPlan plan) {
            before = SeatedWeightBound.seatedWeight(plan);
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (PlannedBooking booking : plan.getBookings()) {
                first = Math.min(first, booking.getStart());
                last = Math.max(last, booking.getEnd());
            }
            from = first;
            to = last;
            wholeDay = plan.getBookings().size() <= wholeDayBookings;
            groups = plan.getBookings().isEmpty() ? List.of() : wholeDay ? List.of(everyTable(plan)) : tableGroups(plan);
            window = wholeDay ? to - from : windowMinutes;
            waitingPerPiece = wholeDay ? Integer.MAX_VALUE : maxWaiting;
            stride = wholeDay ? window : Math.max(1, windowMinutes / 2);
            start = from;
        }
    }

    /**
     * Solves the next pieces until {@code keptPerStep} of them improved the plan (the step ends; the cursor stays
     * for the next step) or the repair is done: every pass over, a pass that improved nothing, the budget spent,
     * the phase terminated, or the plan at its bound.
     */
    private void repair(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated, Progress p) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        BendableLongScore current = score(scoreDirector);
        int keptThisStep = 0;
        while (true) {
            if (p.start >= p.to) {
                if (!p.improvedThisPass || ++p.pass >= passes) {
                    p.done = true;
                    return;
                }
                p.improvedThisPass = false;
                p.start = p.from - (p.pass % 2 == 0 || p.wholeDay ? 0 : p.stride / 2);
                p.group = 0;
                continue;
            }
            if (p.group >= p.groups.size()) {
                p.start += p.stride;
                p.group = 0;
                continue;
            }
            double left = deterministicBudget - p.spent;
            if (isPhaseTerminated.getAsBoolean() || p.solved >= maxSubproblems || left <= 0) {
                p.done = true;
                return;
            }
            boolean[] group = p.groups.get(p.group++);
            SubProblem sub = SubProblem.of(plan, p.start, p.start + p.window, group, p.waitingPerPiece,
                    outsideGroup && !p.wholeDay);
            if (sub == null) {
                continue;
            }
            p.solved++;
            boolean proof = false;
            Long bound = plan.getSeatedWeightBound();
            long weightBefore = SeatedWeightBound.seatedWeight(plan);
            long toGain = bound == null ? Long.MAX_VALUE : bound - weightBefore;
            Map<PlannedBooking, Seating> better = sub.solve(Math.min(deterministicSeconds, left), toGain, presolve,
                    hint, cpSatParameters);
            p.spent += sub.deterministicTime();
            if (p.wholeDay && sub.optimalWeight() != null && (bound == null || sub.optimalWeight() < bound)) {
                // The whole day solved to proven optimality: its optimum is the day's bound from now on (tighter
                // than the relaxation's), so the solve stops at it and says it is proven.
                plan.setSeatedWeightBound(sub.optimalWeight());
                proof = true;
            }
            if (better != null) {
                // Where the freed bookings sit now, taken before the answer moves them: to put them back.
                Map<PlannedBooking, Seating> was = sub.currentSeatings();
                BendableLongScore after = apply(scoreDirector, better);
                if (after.compareTo(current) > 0) {
                    current = after;
                    p.improvedThisPass = true;
                    p.kept++;
                    keptThisStep++;
                } else {
                    apply(scoreDirector, was);
                }
            }
            long gained = SeatedWeightBound.seatedWeight(plan) - weightBefore;
            p.meagreInARow = gained * 1000.0 < minGainPermille * weightBefore ? p.meagreInARow + 1 : 0;
            if (reachedBound(plan) || p.meagreInARow >= meagrePieces) {
                p.done = true;
                if (proof) {
                    SeatingSolver.provenOptimal(plan.getSeatedWeightBound());
                }
                return;
            }
            if (keptThisStep >= keptPerStep) {
                return;
            }
        }
    }

    private static boolean reachedBound(SeatingPlan plan) {
        Long bound = plan.getSeatedWeightBound();
        return bound != null && SeatedWeightBound.seatedWeight(plan) >= bound;
    }

    private static BendableLongScore apply(ScoreDirector<SeatingPlan> scoreDirector, Map<PlannedBooking, Seating> seatings) {
        for (Map.Entry<PlannedBooking, Seating> entry : seatings.entrySet()) {
            PlannedBooking booking = entry.getKey();
            if (booking.getSeating() != entry.getValue()) {
                scoreDirector.beforeVariableChanged(booking, PlannedBooking.SEATING);
                booking.setSeating(entry.getValue());
                scoreDirector.afterVariableChanged(booking, PlannedBooking.SEATING);
            }
        }
        scoreDirector.triggerVariableListeners();
        return score(scoreDirector);
    }

    @SuppressWarnings("unchecked")
    private static BendableLongScore score(ScoreDirector<SeatingPlan> scoreDirector) {
        // The public ScoreDirector has no score: a custom phase that compares plans needs the inner one (1.32).
        return ((InnerScoreDirector<SeatingPlan, BendableLongScore>) scoreDirector).calculateScore().raw();
    }

    /** A mask over the table indexes with every table in it: the group of a whole-day piece. */
    static boolean[] everyTable(SeatingPlan plan) {
        boolean[] all = new boolean[plan.tableCount()];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /**
     * The tables in groups of whole clusters, in cluster order, each as a mask over the table indexes: one group
     * (every table) when the busiest window frees at most {@code maxFreed} bookings, else as many groups of about
     * equal table counts as it takes.
     */
    private List<boolean[]> tableGroups(SeatingPlan plan) {
        TreeMap<Integer, List<Integer>> tablesByCluster = new TreeMap<>();
        boolean[] seen = new boolean[plan.tableCount()];
        for (Seating seating : plan.getSeatings()) {
            for (int table : seating.getTableIndexes()) {
                if (!seen[table]) {
                    seen[table] = true;
                    tablesByCluster.computeIfAbsent(seating.getCluster(), c -> new ArrayList<>()).add(table);
                }
            }
        }
        int busiest = busiestWindow(plan);
        int groupCount = Math.max(1, (busiest + maxFreed - 1) / maxFreed);
        int perGroup = (seen.length + groupCount - 1) / groupCount;
        List<boolean[]> groups = new ArrayList<>();
        boolean[] group = new boolean[seen.length];
        int size = 0;
        for (List<Integer> cluster : tablesByCluster.values()) {
            for (int table : cluster) {
                group[table] = true;
            }
            size += cluster.size();
            if (size >= perGroup) {
                groups.add(group);
                group = new boolean[seen.length];
                size = 0;
            }
        }
        if (size > 0) {
            groups.add(group);
        }
        return groups;
    }

    /** The most seated bookings any window of the first pass overlaps. */
    private int busiestWindow(SeatingPlan plan) {
        int[] starts = plan.getBookings().stream().filter(PlannedBooking::isSeated)
                .mapToInt(PlannedBooking::getStart).sorted().toArray();
        int[] ends = plan.getBookings().stream().filter(PlannedBooking::isSeated)
                .mapToInt(PlannedBooking::getEnd).sorted().toArray();
        if (starts.length == 0) {
            return 0;
        }
        int busiest = 0;
        int stride = Math.max(1, windowMinutes / 2);
        for (int start = starts[0]; start < ends[ends.length - 1]; start += stride) {
            // overlapping [start, start + window): started before its end, minus those ended by its start
            int overlapping = countBelow(starts, start + windowMinutes) - countBelow(ends, start + 1);
            busiest = Math.max(busiest, overlapping);
        }
        return busiest;
    }

    /** How many of the sorted values are below the limit. */
    private static int countBelow(int[] sorted, int limit) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < limit) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
