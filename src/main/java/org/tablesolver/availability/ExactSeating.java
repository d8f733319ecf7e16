package org.tablesolver.availability;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;

/**
 * The exact step of {@link SeatingCheck}: the component as a 0-1 model for OR-Tools CP-SAT. One variable per
 * (party, seating of its domain), exactly one per party, and on every physical table at every start time of a
 * party that may use it at most one party present (a set of intervals overlaps pairwise exactly when they
 * share the latest start, so this is the whole no-overlap rule). INFEASIBLE is CP-SAT's proof that no seating
 * exists. One worker, a fixed seed and a deterministic time limit: the same input gives the same answer; the
 * wall-clock limit is only a safety cap.
 */
final class ExactSeating {

    private static volatile boolean loaded;

    record Result(SeatingCheck.Outcome outcome, Map<PlannedBooking, Seating> seatings) {
    }

    private ExactSeating() {
    }

    private static void load() {
        if (!loaded) {
            synchronized (ExactSeating.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * @param current       where parties sit now (hint, and what a move is)
     * @param minimizeMoves minimise the number of parties moved (then prefer the candidate's preferred zone); without
     *                      it, the first seating found is the answer, but the search is still steered towards few
     *                      moves: on large components that finds a seating far sooner than no objective at all
     *                      (measured on M: five of eight slots that ran out of the budget without one were decided)
     */
    static Result solve(List<PlannedBooking> parties, Map<PlannedBooking, List<Seating>> domains,
                        Map<PlannedBooking, Seating> current, PlannedBooking candidate, boolean minimizeMoves,
                        double deterministicSeconds) {
        for (PlannedBooking party : parties) {
            if (domains.get(party).isEmpty()) {
                return new Result(SeatingCheck.Outcome.INFEASIBLE, Map.of());
            }
        }
        load();
        CpModel model = new CpModel();
        record Choice(PlannedBooking party, Seating seating, BoolVar x) {
        }
        Map<Integer, List<Choice>> byTable = new LinkedHashMap<>();
        List<List<Choice>> byParty = new ArrayList<>();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (PlannedBooking party : parties) {
            List<Choice> choices = new ArrayList<>();
            for (Seating seating : domains.get(party)) {
                BoolVar x = model.newBoolVar(party.getId() + "@" + seating.getId());
                Choice choice = new Choice(party, seating, x);
                choices.add(choice);
                for (int table : SeatingCheck.tables(seating)) {
                    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(choice);
                }
                Seating now = current.get(party);
                model.addHint(x, now == seating ? 1 : 0);
                long cost = now != null && now != seating ? 100 : 0;
                if (party == candidate && party.getPreferredZone() != null
                        && !seating.isInZone(party.getPreferredZone())) {
                    cost += 1;
                }
                if (cost > 0) {
                    objective.addTerm(x, cost);
                }
            }
            model.addExactlyOne(choices.stream().map(Choice::x).toArray(BoolVar[]::new));
            byParty.add(choices);
        }
        for (List<Choice> choices : byTable.values()) {
            for (int start : SeatingCheck.starts(choices.stream().map(Choice::party).toList())) {
                List<BoolVar> present = new ArrayList<>();
                for (Choice choice : choices) {
                    if (choice.party().getStart() <= start && start < choice.party().getEnd()) {
                        present.add(choice.x());
                    }
                }
                if (present.size() > 1) {
                    model.addAtMostOne(present.toArray(BoolVar[]::new));
                }
            }
        }
        model.minimize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setRandomSeed(0);
        solver.getParameters().setMaxDeterministicTime(deterministicSeconds);
        solver.getParameters().setMaxTimeInSeconds(Math.max(10, deterministicSeconds * 10));
        // No probing in presolve: on these small models it costs more than it saves (measured: about 15%). The full
        // linear relaxation with cuts (level 2) proves most "no"s at the root: 10-20 ms instead of 100-800 ms on
        // the benchmark's S day, where combinations make the search itself hard (measured).
        solver.getParameters().setCpModelProbingLevel(0);
        solver.getParameters().setLinearizationLevel(2);
        solver.getParameters().setStopAfterFirstSolution(!minimizeMoves);
        CpSolverStatus status = solver.solve(model);
        return switch (status) {
            case OPTIMAL, FEASIBLE -> {
                Map<PlannedBooking, Seating> seatings = new IdentityHashMap<>();
                for (List<Choice> choices : byParty) {
                    for (Choice choice : choices) {
                        if (solver.booleanValue(choice.x())) {
                            seatings.put(choice.party(), choice.seating());
                        }
                    }
                }
                yield new Result(SeatingCheck.Outcome.FEASIBLE, seatings);
            }
            case INFEASIBLE -> new Result(SeatingCheck.Outcome.INFEASIBLE, Map.of());
            case UNKNOWN -> new Result(SeatingCheck.Outcome.UNKNOWN, Map.of());
            default -> throw new IllegalStateException("CP-SAT rejected the seating model: " + status);
        };
    }
}
