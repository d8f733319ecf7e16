package org.tablesolver.solver.repair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.SatParameters;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.SeatingConstraints;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * One sub-problem of the repair phase: the bookings of a time window on a group of tables (those seated there and
 * overlapping the window, and the heaviest waiting ones that could sit there), everything else fixed. A 0-1
 * model for CP-SAT over the free choices: each booking on at most one seating of the group (exactly one when it
 * must stay seated), none clashing with a fixed booking or a hold, one occupant per table at each start, the
 * pacing slots' covers within what the fixed bookings leave. With {@code outsideGroup} a freed booking may also take
 * a seating outside the group where nothing fixed is in its way: a party can then leave the group for a gap
 * elsewhere and make room there for a waiting one. Its objective is the plan's score restricted to
 * these bookings, made lexicographic by its weights: seated weight, then guests, then preferences.
 */
final class SubProblem {

    private static volatile boolean loaded;

    private final SeatingPlan plan;
    private final List<PlannedBooking> freed;
    private final List<List<Seating>> options;
    private final List<PacingRoom> pacing;
    private double deterministicTime;
    private Long optimalWeight;

    /** What a pacing slot still allows the freed bookings. */
    private record PacingRoom(int slot, int covers) {
    }

    private SubProblem(SeatingPlan plan, List<PlannedBooking> freed, List<List<Seating>> options,
                       List<PacingRoom> pacing) {
        this.plan = plan;
        this.freed = freed;
        this.options = options;
        this.pacing = pacing;
    }

    /**
     * The sub-problem of a window and a table group ({@code inGroup}: a mask over the table indexes), or null when it has nothing to gain (no waiting booking that
     * could use the group) or cannot be posed (the working plan already breaks a hard rule there).
     * {@code outsideGroup}: the freed bookings may also take seatings outside the group, where no fixed booking clashes.
     */
    static SubProblem of(SeatingPlan plan, int from, int to, boolean[] inGroup, int maxWaiting, boolean outsideGroup) {
        List<PlannedBooking> freed = new ArrayList<>();
        List<PlannedBooking> waiting = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.isPinned() || !booking.overlaps(from, to)) {
                continue;
            }
            if (booking.isSeated()) {
                if (within(booking.getSeating(), inGroup)) {
                    freed.add(booking);
                }
            } else if (booking.getFittingSeatings().stream().anyMatch(s -> s.isInService() && within(s, inGroup))) {
                waiting.add(booking);
            }
        }
        if (waiting.isEmpty()) {
            return null;
        }
        waiting.sort(Comparator.comparingInt(PlannedBooking::getSeatingWeight).reversed()
                .thenComparingInt(booking -> booking.getEnd() - booking.getStart())
                .thenComparing(PlannedBooking::getId));
        freed.addAll(waiting.subList(0, Math.min(maxWaiting, waiting.size())));
        Set<PlannedBooking> free = Collections.newSetFromMap(new IdentityHashMap<>());
        free.addAll(freed);

        // Fixed occupants of the tables the freed bookings may take, and the covers fixed bookings bring to each
        // pacing slot.
        List<List<PlannedBooking>> fixedOnTable = new ArrayList<>(inGroup.length);
        for (int i = 0; i < inGroup.length; i++) {
            fixedOnTable.add(null);
        }
        TreeMap<Integer, Integer> fixedCovers = new TreeMap<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (!booking.isSeated() || free.contains(booking)) {
                continue;
            }
            if (booking.getPacingSlot() != null) {
                fixedCovers.merge(booking.getPacingSlot().index(), booking.getPartySize(), Integer::sum);
            }
            for (int table : booking.getSeating().getTableIndexes()) {
                if (outsideGroup || inGroup[table]) {
                    if (fixedOnTable.get(table) == null) {
                        fixedOnTable.set(table, new ArrayList<>());
                    }
                    fixedOnTable.get(table).add(booking);
                }
            }
        }
        List<List<Seating>> options = new ArrayList<>(freed.size());
        TreeMap<Integer, Integer> allowance = new TreeMap<>();
        for (PlannedBooking booking : freed) {
            List<Seating> choices = new ArrayList<>();
            for (Seating seating : booking.getFittingSeatings()) {
                if (seating.isInService() && (outsideGroup || within(seating, inGroup))
                        && !plan.isBlocked(seating, booking)
                        && !clashes(seating, booking, fixedOnTable)) {
                    choices.add(seating);
                }
            }
            boolean currentAllowed = !booking.isSeated() || choices.contains(booking.getSeating());
            if (!currentAllowed || booking.isMustStaySeated() && choices.isEmpty()) {
                return null;
            }
            options.add(choices);
            if (booking.getPacingSlot() != null) {
                allowance.put(booking.getPacingSlot().index(), booking.getPacingSlot().allowance());
            }
        }
        List<PacingRoom> pacing = new ArrayList<>();
        for (Map.Entry<Integer, Integer> slot : allowance.entrySet()) {
            int room = slot.getValue() - fixedCovers.getOrDefault(slot.getKey(), 0);
            if (room < 0) {
                return null;
            }
            pacing.add(new PacingRoom(slot.getKey(), room));
        }
        return new SubProblem(plan, freed, options, pacing);
    }

    /** Where the freed bookings sit in the working plan now (null: unseated): to restore it. */
    Map<PlannedBooking, Seating> currentSeatings() {
        Map<PlannedBooking, Seating> current = new LinkedHashMap<>();
        freed.forEach(booking -> current.put(booking, booking.getSeating()));
        return current;
    }

    /**
     * Solves the sub-problem, from the working plan's choices when {@code hint}, with one worker and a deterministic
     * time limit. The seatings of every freed booking (null: unseated) when CP-SAT found a plan strictly better than
     * the working one on the sub-problem's objective; else null. The search stops at the first plan that seats
     * {@code weightToGain} more than the working plan does here (what the whole plan needs to reach its bound; a
     * later plan could only improve guests and preferences, which the polish does). {@code presolve},
     * {@code hint} and {@code parameters} (merged first, so the repair's own settings win): see
     * {@link ExactRepair#setPresolve}, {@link ExactRepair#setHint} and {@link ExactRepair#setCpSatParameters}.
     */
    Map<PlannedBooking, Seating> solve(double deterministicSeconds, long weightToGain, boolean presolve, boolean hint,
                                       SatParameters parameters) {
        load();
        long maxPreferences = 1;
        long guests = 1;
        List<long[]> penalties = new ArrayList<>(freed.size());
        for (int i = 0; i < freed.size(); i++) {
            PlannedBooking booking = freed.get(i);
            long[] penalty = new long[options.get(i).size()];
            long most = 0;
            for (int j = 0; j < penalty.length; j++) {
                penalty[j] = SeatingConstraints.preferencePenalty(plan, booking, options.get(i).get(j));
                most = Math.max(most, penalty[j]);
            }
            penalties.add(penalty);
            maxPreferences += most;
            guests += booking.getPartySize();
        }
        long guestScale = maxPreferences;
        long weightScale = guestScale * guests;

        CpModel model = new CpModel();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<BoolVar[]> variables = new ArrayList<>(freed.size());
        Map<Integer, List<Integer>> choicesByTable = new TreeMap<>();
        List<Integer> choiceBooking = new ArrayList<>();
        List<BoolVar> choiceVariable = new ArrayList<>();
        long currentValue = 0;
        TreeMap<Integer, LinearExprBuilder> coversBySlot = new TreeMap<>();
        for (int i = 0; i < freed.size(); i++) {
            PlannedBooking booking = freed.get(i);
            List<Seating> choices = options.get(i);
            BoolVar[] x = new BoolVar[choices.size()];
            for (int j = 0; j < x.length; j++) {
                Seating seating = choices.get(j);
                x[j] = model.newBoolVar("");
                long value = booking.getSeatingWeight() * weightScale + booking.getPartySize() * guestScale
                        - penalties.get(i)[j];
                objective.addTerm(x[j], value);
                boolean now = booking.getSeating() == seating;
                if (hint) {
                    model.addHint(x[j], now);
                }
                if (now) {
                    currentValue += value;
                }
                for (int table : seating.getTableIndexes()) {
                    choicesByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(choiceVariable.size());
                }
                choiceBooking.add(i);
                choiceVariable.add(x[j]);
                if (booking.getPacingSlot() != null) {
                    coversBySlot.computeIfAbsent(booking.getPacingSlot().index(), s -> LinearExpr.newBuilder())
                            .addTerm(x[j], booking.getPartySize());
                }
            }
            if (booking.isMustStaySeated()) {
                model.addExactlyOne(x);
            } else if (x.length > 1) {
                model.addAtMostOne(x);
            }
            variables.add(x);
        }
        for (List<Integer> onTable : choicesByTable.values()) {
            TreeSet<Integer> starts = new TreeSet<>();
            onTable.forEach(choice -> starts.add(freed.get(choiceBooking.get(choice)).getStart()));
            for (int start : starts) {
                List<BoolVar> active = new ArrayList<>();
                for (int choice : onTable) {
                    PlannedBooking booking = freed.get(choiceBooking.get(choice));
                    if (booking.getStart() <= start && start < booking.getEnd()) {
                        active.add(choiceVariable.get(choice));
                    }
                }
                if (active.size() > 1) {
                    model.addAtMostOne(active.toArray(BoolVar[]::new));
                }
            }
        }
        for (PacingRoom room : pacing) {
            LinearExprBuilder covers = coversBySlot.get(room.slot());
            if (covers != null) {
                model.addLessOrEqual(covers, room.covers());
            }
        }
        model.maximize(objective);

        CpSolver solver = new CpSolver();
        solver.getParameters().mergeFrom(parameters);
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setRandomSeed(0);
        solver.getParameters().setMaxDeterministicTime(deterministicSeconds);
        solver.getParameters().setMaxTimeInSeconds(Math.max(10, deterministicSeconds * 10));
        solver.getParameters().setCpModelPresolve(presolve);
        long seatedNow = freed.stream().filter(PlannedBooking::isSeated).mapToLong(PlannedBooking::getSeatingWeight).sum();
        long enough = weightToGain == Long.MAX_VALUE ? Long.MAX_VALUE : seatedNow + weightToGain;
        CpSolverStatus status = solver.solve(model, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                // The objective's first term dominates the rest: its quotient by the weight scale is the seated weight.
                if ((long) Math.floor(objectiveValue() / weightScale) >= enough) {
                    stopSearch();
                }
            }
        });
        deterministicTime = solver.response().getDeterministicTime();
        optimalWeight = null;
        if (status == CpSolverStatus.OPTIMAL) {
            // Proven: no choice of the freed bookings seats more weight; the fixed ones seat what they seat.
            long fixed = plan.getBookings().stream().filter(PlannedBooking::isSeated).mapToLong(PlannedBooking::getSeatingWeight)
                    .sum() - seatedNow;
            optimalWeight = fixed + (long) Math.floor(solver.objectiveValue() / weightScale);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE
                || solver.objectiveValue() < currentValue + 0.5) {
            return null;
        }
        Map<PlannedBooking, Seating> seatings = new LinkedHashMap<>();
        for (int i = 0; i < freed.size(); i++) {
            Seating chosen = null;
            for (int j = 0; j < variables.get(i).length; j++) {
                if (solver.booleanValue(variables.get(i)[j])) {
                    chosen = options.get(i).get(j);
                }
            }
            seatings.put(freed.get(i), chosen);
        }
        return seatings;
    }

    /**
     * The plan's seated weight with the freed bookings chosen optimally, when CP-SAT proved its answer of the last
     * {@link #solve} optimal (null otherwise, and when it stopped at the weight asked for). For a piece that frees
     * every booking that may move (the whole day), that is the optimum of the day.
     */
    Long optimalWeight() {
        return optimalWeight;
    }

    /** CP-SAT's deterministic time in the last {@link #solve}: the same on every run of the same model. */
    double deterministicTime() {
        return deterministicTime;
    }

    private static boolean within(Seating seating, boolean[] inGroup) {
        for (int table : seating.getTableIndexes()) {
            if (!inGroup[table]) {
                return false;
            }
        }
        return true;
    }

    private static boolean clashes(Seating seating, PlannedBooking booking, List<List<PlannedBooking>> fixedOnTable) {
        for (int table : seating.getTableIndexes()) {
            List<PlannedBooking> fixed = fixedOnTable.get(table);
            if (fixed != null) {
                for (PlannedBooking other : fixed) {
                    if (other.overlaps(booking)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void load() {
        if (!loaded) {
            synchronized (SubProblem.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
