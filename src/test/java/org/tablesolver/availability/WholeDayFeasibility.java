package org.tablesolver.availability;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.Literal;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.TableBlock;

/**
 * The independent yardstick for {@link SeatingCheck}: can every party that must stay seated in the whole day
 * have a seating at once? Written apart from the engine: no components, no ejection, and pairwise clashes on
 * physical table ids instead of start-time cliques. Exhaustive search for small days, a CP-SAT model of the
 * same pairwise form for larger ones.
 */
final class WholeDayFeasibility {

    private WholeDayFeasibility() {
    }

    /** Per party that must stay seated: the seatings allowed to it (its own if pinned). */
    private static List<List<Seating>> options(SeatingPlan plan, List<PlannedBooking> parties) {
        List<List<Seating>> options = new ArrayList<>();
        for (PlannedBooking party : parties) {
            List<Seating> allowed = new ArrayList<>();
            if (party.isPinned()) {
                allowed.add(party.getSeating());
            } else {
                for (Seating seating : party.getFittingSeatings()) {
                    if (!seating.isInService() && seating != party.getOriginalSeating()) {
                        continue;
                    }
                    boolean held = false;
                    for (TableBlock block : plan.getBlocks()) {
                        held |= seating.getTableIds().contains(block.tableId())
                                && party.getStart() < block.end() && block.start() < party.getEnd();
                    }
                    if (!held) {
                        allowed.add(seating);
                    }
                }
            }
            options.add(allowed);
        }
        return options;
    }

    private static List<PlannedBooking> parties(SeatingPlan plan) {
        return plan.getBookings().stream().filter(b -> b.isMustStaySeated() || b.isPinned()).toList();
    }

    private static boolean clash(PlannedBooking a, Seating sa, PlannedBooking b, Seating sb) {
        boolean overlap = a.getStart() < b.getEnd() && b.getStart() < a.getEnd();
        return overlap && sa.getTableIds().stream().anyMatch(sb.getTableIds()::contains);
    }

    static boolean exhaustive(SeatingPlan plan) {
        List<PlannedBooking> parties = parties(plan);
        return search(parties, options(plan, parties), new Seating[parties.size()], 0);
    }

    private static boolean search(List<PlannedBooking> parties, List<List<Seating>> options, Seating[] chosen, int i) {
        if (i == parties.size()) {
            return true;
        }
        for (Seating seating : options.get(i)) {
            boolean ok = true;
            for (int j = 0; j < i && ok; j++) {
                ok = !clash(parties.get(i), seating, parties.get(j), chosen[j]);
            }
            if (ok) {
                chosen[i] = seating;
                if (search(parties, options, chosen, i + 1)) {
                    return true;
                }
            }
        }
        chosen[i] = null;
        return false;
    }

    static boolean cpSat(SeatingPlan plan) {
        Loader.loadNativeLibraries();
        List<PlannedBooking> parties = parties(plan);
        List<List<Seating>> options = options(plan, parties);
        CpModel model = new CpModel();
        List<List<BoolVar>> vars = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            List<BoolVar> row = new ArrayList<>();
            for (Seating seating : options.get(i)) {
                row.add(model.newBoolVar(parties.get(i).getId() + "/" + seating.getId()));
            }
            model.addExactlyOne(row.toArray(BoolVar[]::new));
            vars.add(row);
        }
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                for (int a = 0; a < options.get(i).size(); a++) {
                    for (int b = 0; b < options.get(j).size(); b++) {
                        if (clash(parties.get(i), options.get(i).get(a), parties.get(j), options.get(j).get(b))) {
                            model.addBoolOr(new Literal[] {vars.get(i).get(a).not(), vars.get(j).get(b).not()});
                        }
                    }
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(2);
        solver.getParameters().setMaxTimeInSeconds(60);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            return false;
        }
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            return true;
        }
        throw new IllegalStateException("the reference could not decide: " + status);
    }
}
