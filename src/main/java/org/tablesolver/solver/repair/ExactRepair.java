package org.tablesolver.solver.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tablesolver.solver.PlannedBooking;
import org.tablesolver.solver.Seating;
import org.tablesolver.solver.SeatingPlan;
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
 * so every sub-problem stays small. Windows without a waiting booking that could use the group are skipped
 * (nothing to gain on the first two levels). Passes repeat, with shifted windows, until one improves nothing
 * or {@code passes} are done; the phase ends as soon as the plan reaches the day's bound
 * ({@link SeatingPlan#getSeatedWeightBound()}).
 * <p>
 * Its budget: at most {@code maxSubproblems} sub-problems and {@code deterministicBudget} of CP-SAT's deterministic
 * time in all. Deterministic: fixed orders, and CP-SAT with one worker and a deterministic time limit per
 * sub-problem ({@code deterministicSeconds}); a wall-clock cap ten times that is only a safety. The defaults are
 * those of {@code solver-config/default.xml}.
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

    @Override
    public void changeWorkingSolution(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        if (reachedBound(plan) || plan.getBookings().isEmpty()) {
            return;
        }
        long before = SeatedWeightBound.seatedWeight(plan);
        Effort effort = new Effort();
        try {
            repair(scoreDirector, isPhaseTerminated, effort);
        } finally {
            LOG.debug("Repair of {} {}: {} sub-problems ({} improved), deterministic time {}, seated weight {} -> {}",
                    plan.getRestaurantId(), plan.getDate(), effort.solved, effort.kept, effort.spent, before,
                    SeatedWeightBound.seatedWeight(plan));
        }
    }

    /** What the phase did: sub-problems solved, kept, and CP-SAT's deterministic time. */
    private static final class Effort {
        int solved;
        int kept;
        double spent;
    }

    private void repair(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated, Effort effort) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        BendableLongScore current = score(scoreDirector);
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        for (PlannedBooking booking : plan.getBookings()) {
            from = Math.min(from, booking.getStart());
            to = Math.max(to, booking.getEnd());
        }
        boolean wholeDay = plan.getBookings().size() <= wholeDayBookings;
        List<boolean[]> groups = wholeDay ? List.of(everyTable(plan)) : tableGroups(plan);
        int window = wholeDay ? to - from : windowMinutes;
        int waitingPerPiece = wholeDay ? Integer.MAX_VALUE : maxWaiting;
        int stride = wholeDay ? window : Math.max(1, windowMinutes / 2);
        for (int pass = 0; pass < passes; pass++) {
            boolean improved = false;
            int shift = pass % 2 == 0 || wholeDay ? 0 : stride / 2;
            for (int start = from - shift; start < to; start += stride) {
                for (boolean[] group : groups) {
                    double left = deterministicBudget - effort.spent;
                    if (isPhaseTerminated.getAsBoolean() || effort.solved >= maxSubproblems || left <= 0) {
                        return;
                    }
                    SubProblem sub = SubProblem.of(plan, start, start + window, group, waitingPerPiece);
                    if (sub == null) {
                        continue;
                    }
                    effort.solved++;
                    Long bound = plan.getSeatedWeightBound();
                    long toGain = bound == null ? Long.MAX_VALUE : bound - SeatedWeightBound.seatedWeight(plan);
                    Map<PlannedBooking, Seating> better = sub.solve(Math.min(deterministicSeconds, left), toGain);
                    effort.spent += sub.deterministicTime();
                    if (better == null) {
                        continue;
                    }
                    BendableLongScore after = apply(scoreDirector, better);
                    if (after.compareTo(current) > 0) {
                        current = after;
                        improved = true;
                        effort.kept++;
                        if (reachedBound(plan)) {
                            return;
                        }
                    } else {
                        apply(scoreDirector, sub.currentSeatings());
                    }
                }
            }
            if (!improved) {
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

    private static boolean[] everyTable(SeatingPlan plan) {
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
