package org.tablesolver.solver.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.TableBlock;

/**
 * The exact reference the solver is measured against: the same seating problem as a 0-1 model for
 * OR-Tools CP-SAT. One variable per (booking, fitting seating); at most one seating per booking
 * (exactly one for bookings that must stay seated, fixed for pinned ones); on every physical table at
 * every booking start, at most one occupying booking (enough for intervals: a set of intervals
 * overlaps pairwise exactly when they share the latest start). Objective, lexicographic through one
 * weight: seated bookings (1 + priority each) first, then seated guests.
 */
public final class CpSatReference {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param status CP-SAT's verdict: OPTIMAL, FEASIBLE (a plan, no proof) or UNKNOWN (no plan in time)
     * @param seatedWeight sum of 1 + priority over seated bookings in the best plan found (0 without one)
     * @param seatedWeightBound proven upper bound on it (equal to seatedWeight when optimal)
     */
    public record Result(String status, long seatedWeight, long seatedWeightBound, int seatedBookings,
            long seatedGuests, Map<String, String> seatingByBooking, double seconds) {

        public boolean optimal() {
            return "OPTIMAL".equals(status);
        }

        public boolean foundPlan() {
            return optimal() || "FEASIBLE".equals(status);
        }
    }

    private CpSatReference() {
    }

    public static Result solve(SeatingPlan plan, double timeLimitSeconds) {
        long guestsTotal = plan.getBookings().stream().mapToLong(PlannedBooking::getPartySize).sum();
        long bookingScale = guestsTotal + 1;
        CpModel model = new CpModel();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        Map<Integer, List<Choice>> choicesByTable = new LinkedHashMap<>();
        List<List<Choice>> choicesByBooking = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            List<Choice> choices = new ArrayList<>();
            for (Seating seating : options(plan, booking)) {
                BoolVar x = model.newBoolVar(booking.getId() + "@" + seating.getId());
                Choice choice = new Choice(booking, seating, x);
                choices.add(choice);
                objective.addTerm(x, booking.getSeatingWeight() * bookingScale + booking.getPartySize());
                for (int table : seating.getTableIndexes()) {
                    choicesByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(choice);
                }
            }
            BoolVar[] vars = choices.stream().map(Choice::x).toArray(BoolVar[]::new);
            if (booking.isPinned() || booking.isMustStaySeated()) {
                model.addExactlyOne(vars);
            } else if (vars.length > 1) {
                model.addAtMostOne(vars);
            }
            choicesByBooking.add(choices);
        }
        for (List<Choice> choices : choicesByTable.values()) {
            for (int start : startsOf(choices.stream().map(Choice::booking).toList())) {
                List<BoolVar> active = new ArrayList<>();
                for (Choice choice : choices) {
                    if (choice.booking().getStart() <= start && start < choice.booking().getEnd()) {
                        active.add(choice.x());
                    }
                }
                if (active.size() > 1) {
                    model.addAtMostOne(active.toArray(BoolVar[]::new));
                }
            }
        }
        model.maximize(objective);

        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        solver.getParameters().setNumWorkers(2);
        solver.getParameters().setRandomSeed(0);
        long began = System.nanoTime();
        CpSolverStatus status = solver.solve(model);
        double seconds = (System.nanoTime() - began) / 1e9;
        if (status == CpSolverStatus.INFEASIBLE || status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT rejects the model: " + status);
        }
        boolean foundPlan = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        Map<String, String> seatingByBooking = new LinkedHashMap<>();
        long weight = 0;
        long guests = 0;
        for (List<Choice> choices : foundPlan ? choicesByBooking : List.<List<Choice>>of()) {
            for (Choice choice : choices) {
                if (solver.booleanValue(choice.x())) {
                    seatingByBooking.put(choice.booking().getId(), choice.seating().getId());
                    weight += choice.booking().getSeatingWeight();
                    guests += choice.booking().getPartySize();
                }
            }
        }
        // Before its search gets anywhere CP-SAT's bound is the sum of all coefficients; every booking seated
        // is a bound too, and a tighter one then.
        long allSeated = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        long bound = Math.min(allSeated, (long) Math.floor((solver.bestObjectiveBound() + 1e-6) / bookingScale));
        return new Result(status.name(), weight, Math.max(weight, bound), seatingByBooking.size(),
                guests, seatingByBooking, seconds);
    }

    /** The seatings a booking may take in the exact model: its own if pinned, else the free fitting ones. */
    public static List<Seating> options(SeatingPlan plan, PlannedBooking booking) {
        if (booking.isPinned() && booking.getOriginalSeating() != null) {
            return List.of(booking.getOriginalSeating());
        }
        List<Seating> options = new ArrayList<>();
        for (Seating seating : booking.getFittingSeatings()) {
            if (booking.isPinned() || seating.isInService() && !isHeld(plan, seating, booking)) {
                options.add(seating);
            }
        }
        return options;
    }

    /** Start times at which a table's occupants must be at most one: every start of a booking that may use it. */
    public static TreeSet<Integer> startsOf(List<PlannedBooking> bookings) {
        TreeSet<Integer> starts = new TreeSet<>();
        bookings.forEach(booking -> starts.add(booking.getStart()));
        return starts;
    }

    private static boolean isHeld(SeatingPlan plan, Seating seating, PlannedBooking booking) {
        for (TableBlock block : plan.getBlocks()) {
            if (seating.usesTable(block.tableIndex()) && booking.overlaps(block.start(), block.end())) {
                return true;
            }
        }
        return false;
    }

    private record Choice(PlannedBooking booking, Seating seating, BoolVar x) {
    }
}
