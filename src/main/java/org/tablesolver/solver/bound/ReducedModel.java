package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * The seating model of a day made small for its relaxations, without changing their optimum:
 * <ul>
 *     <li><b>Dominated seatings</b> go: a seating whose tables include all the tables of another option of the same
 *     booking can be swapped for that option in any solution of the relaxation (fewer tables, the same weight),
 *     so it never raises the optimum.</li>
 *     <li><b>Groups</b>: bookings with the same stay, weight, obligation and options become one group with a count;
 *     its variables run from 0 to the count. Summing a solution over a group's members maps every solution to one
 *     of the group model with the same value, and spreading a group's values evenly maps back.</li>
 *     <li><b>Maximal cliques</b> only: at a table, the clique at a start time holds every choice under way then;
 *     when the next start at that table comes before any of them ends, the next clique contains this one, so
 *     this one is implied.</li>
 * </ul>
 * Everything is in booking and seating order, so the model is the same on every run.
 */
final class ReducedModel {

    /** Bookings that share their stay, weight, obligation to stay seated and (undominated) seatings. */
    record Group(int start, int end, long weight, boolean must, int count, List<Seating> seatings) {
    }

    /** A choice of a group and one of its seatings, as an index into the groups and their seatings. */
    record Choice(int group, int seating) {
    }

    final List<Group> groups;
    /** Per table (that any choice uses), the choices of each maximal clique. */
    final List<List<Choice>> cliques;
    final long pairs;

    private ReducedModel(List<Group> groups, List<List<Choice>> cliques, long pairs) {
        this.groups = groups;
        this.cliques = cliques;
        this.pairs = pairs;
    }

    static ReducedModel of(SeatingPlan plan, Function<PlannedBooking, List<Seating>> options) {
        return of(plan.getSeatings(), plan.getBookings(), options,
                booking -> booking.isPinned() || booking.isMustStaySeated());
    }

    /**
     * The model of some of a plan's bookings.
     *
     * @param seatings every seating of the plan (indexed by {@link Seating#getIndex()})
     * @param must     which bookings must be seated (the others may stay unseated)
     */
    static ReducedModel of(List<Seating> seatings, List<PlannedBooking> bookings,
                           Function<PlannedBooking, List<Seating>> options, Predicate<PlannedBooking> must) {
        int[][] subsets = properSubsetSeatings(seatings);
        Map<GroupKey, int[]> counts = new LinkedHashMap<>();
        Map<GroupKey, List<Seating>> kept = new HashMap<>();
        BitSet offered = new BitSet(seatings.size());
        for (PlannedBooking booking : bookings) {
            List<Seating> all = options.apply(booking);
            all.forEach(seating -> offered.set(seating.getIndex()));
            List<Seating> undominated = new ArrayList<>(all.size());
            int[] indexes = new int[all.size()];
            int n = 0;
            for (Seating seating : all) {
                boolean dominated = false;
                for (int subset : subsets[seating.getIndex()]) {
                    if (offered.get(subset)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    undominated.add(seating);
                    indexes[n++] = seating.getIndex();
                }
            }
            all.forEach(seating -> offered.clear(seating.getIndex()));
            GroupKey key = new GroupKey(booking.getStart(), booking.getEnd(), booking.getSeatingWeight(),
                    must.test(booking), Arrays.copyOf(indexes, n));
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            kept.putIfAbsent(key, undominated);
        }
        List<Group> groups = new ArrayList<>(counts.size());
        long pairs = 0;
        for (Map.Entry<GroupKey, int[]> entry : counts.entrySet()) {
            GroupKey key = entry.getKey();
            List<Seating> groupSeatings = List.copyOf(kept.get(key));
            groups.add(new Group(key.start(), key.end(), key.weight(), key.must(), entry.getValue()[0], groupSeatings));
            pairs += groupSeatings.size();
        }
        return new ReducedModel(List.copyOf(groups), maximalCliques(groups), pairs);
    }

    /**
     * Writes the model into an OR-Tools linear solver, to be maximized: per group a variable for each of its seatings
     * (continuous from 0 to the group's count, or 0-1 integers for an integer program; a seating's cliques hold it
     * to one member at a time either way), the group's count as the limit of their sum (its lower limit too for a
     * group that must stay seated), and one constraint per clique, in the cliques' order.
     *
     * @return the clique constraints, in the order of {@link #cliques} (their dual values are the clique prices)
     */
    List<MPConstraint> writeTo(MPSolver solver, boolean integer) {
        MPObjective objective = solver.objective();
        List<MPVariable[]> variables = new ArrayList<>(groups.size());
        for (Group group : groups) {
            MPConstraint seated = solver.makeConstraint(group.must() ? group.count() : 0, group.count());
            MPVariable[] x = new MPVariable[group.seatings().size()];
            for (int s = 0; s < x.length; s++) {
                x[s] = integer ? solver.makeIntVar(0, 1, "") : solver.makeNumVar(0, group.count(), "");
                objective.setCoefficient(x[s], group.weight());
                seated.setCoefficient(x[s], 1);
            }
            variables.add(x);
        }
        List<MPConstraint> constraints = new ArrayList<>(cliques.size());
        for (List<Choice> clique : cliques) {
            MPConstraint atMostOne = solver.makeConstraint(0, 1);
            for (Choice choice : clique) {
                atMostOne.setCoefficient(variables.get(choice.group())[choice.seating()], 1);
            }
            constraints.add(atMostOne);
        }
        objective.setMaximization();
        return constraints;
    }

    /**
     * The Lagrangian dual of the model at some prices of its cliques (negative prices count as 0): for any prices,
     * <pre>  Σ_cliques price + Σ_groups count · max(0, max_seating (weight − prices of the seating's cliques))</pre>
     * (without the 0 for groups that must stay seated) is at least the weight of every solution, since a solution
     * keeps every clique and so pays each price at most once. Infinite when a group that must stay seated has no
     * seating. At the LP's optimal prices it equals the LP's optimum, so it certifies an LP solver's answer
     * whatever that solver's tolerances.
     */
    double dualValue(double[] cliquePrices) {
        double[][] paid = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            paid[g] = new double[groups.get(g).seatings().size()];
        }
        double value = 0;
        for (int c = 0; c < cliques.size(); c++) {
            double price = Math.max(0, cliquePrices[c]);
            value += price;
            for (Choice choice : cliques.get(c)) {
                paid[choice.group()][choice.seating()] += price;
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double best = group.must() ? Double.NEGATIVE_INFINITY : 0;
            for (double price : paid[g]) {
                best = Math.max(best, group.weight() - price);
            }
            if (best == Double.NEGATIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            value += group.count() * best;
        }
        return value;
    }

    /** Per seating (by index), the seatings whose tables are a proper subset of its tables. */
    private static int[][] properSubsetSeatings(List<Seating> seatings) {
        Map<List<Integer>, Integer> byTables = new HashMap<>();
        for (Seating seating : seatings) {
            byTables.putIfAbsent(tableList(seating.getTableIndexes()), seating.getIndex());
        }
        int[][] subsets = new int[seatings.size()][];
        for (Seating seating : seatings) {
            int[] tables = seating.getTableIndexes();
            if (tables.length < 2 || tables.length > 12) {
                subsets[seating.getIndex()] = new int[0]; // a single table has no proper subset worth a seating
                continue;
            }
            List<Integer> found = new ArrayList<>();
            for (int mask = 1; mask < (1 << tables.length) - 1; mask++) {
                int[] part = new int[Integer.bitCount(mask)];
                int k = 0;
                for (int i = 0; i < tables.length; i++) {
                    if ((mask & (1 << i)) != 0) {
                        part[k++] = tables[i];
                    }
                }
                Integer index = byTables.get(tableList(part));
                if (index != null) {
                    found.add(index);
                }
            }
            subsets[seating.getIndex()] = found.stream().mapToInt(Integer::intValue).toArray();
        }
        return subsets;
    }

    private static List<Integer> tableList(int[] sortedTables) {
        return Arrays.stream(sortedTables).boxed().toList();
    }

    /**
     * The maximal cliques of every table: a sweep over the starts of the choices using the table, emitting the
     * choices under way at a start when the next start comes at or after the earliest of their ends.
     */
    private static List<List<Choice>> maximalCliques(List<Group> groups) {
        Map<Integer, List<Choice>> byTable = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Seating> seatings = groups.get(g).seatings();
            for (int s = 0; s < seatings.size(); s++) {
                for (int table : seatings.get(s).getTableIndexes()) {
                    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Choice(g, s));
                }
            }
        }
        List<Integer> tables = new ArrayList<>(byTable.keySet());
        tables.sort(null);
        List<List<Choice>> cliques = new ArrayList<>();
        for (int table : tables) {
            List<Choice> choices = new ArrayList<>(byTable.get(table));
            choices.sort((a, b) -> {
                int byStart = Integer.compare(groups.get(a.group()).start(), groups.get(b.group()).start());
                return byStart != 0 ? byStart : Integer.compare(a.group(), b.group());
            });
            List<Choice> active = new ArrayList<>();
            int next = 0;
            while (next < choices.size()) {
                int start = groups.get(choices.get(next).group()).start();
                while (next < choices.size() && groups.get(choices.get(next).group()).start() == start) {
                    active.add(choices.get(next++));
                }
                active.removeIf(choice -> groups.get(choice.group()).end() <= start);
                int earliestEnd = Integer.MAX_VALUE;
                for (Choice choice : active) {
                    earliestEnd = Math.min(earliestEnd, groups.get(choice.group()).end());
                }
                boolean maximal = next == choices.size()
                        || groups.get(choices.get(next).group()).start() >= earliestEnd;
                if (maximal && !active.isEmpty()) {
                    cliques.add(List.copyOf(active));
                }
            }
        }
        return List.copyOf(cliques);
    }

    private record GroupKey(int start, int end, long weight, boolean must, int[] seatings) {

        @Override
        public boolean equals(Object other) {
            return other instanceof GroupKey key && start == key.start && end == key.end && weight == key.weight
                    && must == key.must && Arrays.equals(seatings, key.seatings);
        }

        @Override
        public int hashCode() {
            return ((Integer.hashCode(start) * 31 + Integer.hashCode(end)) * 31 + Long.hashCode(weight)) * 31
                    + Boolean.hashCode(must) * 17 + Arrays.hashCode(seatings);
        }
    }
}
