package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * An upper bound on the seated weight without an LP solver, for days too large for one: the Lagrangian relaxation
 * of the same seating model's table cliques. Every pair (table, time point) - the time points are the day's booking
 * starts - gets a price λ ≥ 0 for "at most one booking under way sits at this table now". For any prices,
 * <pre>  L(λ) = Σ_bookings max(0, max_seating (weight − price of the seating's tables over the booking's stay)) + Σ λ</pre>
 * (without the 0 for bookings that must stay seated) is at least the seated weight of every plan: a plan pays each
 * price at most once, since it keeps every clique. Subgradient steps lower the prices' L for a fixed number of
 * iterations, so the bound is the same on every run; the smallest L seen is the bound, rounded down.
 */
final class LagrangianBound {

    private LagrangianBound() {
    }

    /**
     * The bound, or null when a booking that must stay seated has no seating at all.
     *
     * @param pairEvaluations the work allowed: the steps are this divided by the seatings evaluated per step (one
     *                        group of bookings with the same stay and seatings counts once), between 50 and 1,000
     */
    static Long of(SeatingPlan plan, List<List<Seating>> options, long pairEvaluations) {
        List<PlannedBooking> bookings = plan.getBookings();
        int n = bookings.size();
        TreeSet<Integer> startSet = new TreeSet<>();
        int tables = 0;
        for (int b = 0; b < n; b++) {
            startSet.add(bookings.get(b).getStart());
            for (Seating seating : options.get(b)) {
                for (int table : seating.getTableIndexes()) {
                    tables = Math.max(tables, table + 1);
                }
            }
        }
        int[] points = startSet.stream().mapToInt(Integer::intValue).toArray();
        int p = points.length;
        // Each booking is under way at the time points [from, to).
        int[] from = new int[n];
        int[] to = new int[n];
        long[] weight = new long[n];
        boolean[] must = new boolean[n];
        long total = 0;
        for (int b = 0; b < n; b++) {
            PlannedBooking booking = bookings.get(b);
            from[b] = lowerIndex(points, booking.getStart());
            to[b] = lowerIndex(points, booking.getEnd());
            weight[b] = booking.getSeatingWeight();
            must[b] = booking.isPinned() || booking.isMustStaySeated();
            total += weight[b];
            if (must[b] && options.get(b).isEmpty()) {
                return null;
            }
        }
        // Groups: bookings with the same stay (in time points) and the same seatings, in booking order.
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int b = 0; b < n; b++) {
            StringBuilder key = new StringBuilder().append(from[b]).append(':').append(to[b]);
            for (Seating seating : options.get(b)) {
                key.append(',').append(seating.getId());
            }
            byKey.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(b);
        }
        List<int[]> groups = byKey.values().stream()
                .map(members -> members.stream().mapToInt(Integer::intValue).toArray()).toList();
        long perStep = Math.max(1, groups.stream().mapToLong(g -> options.get(g[0]).size() + g.length).sum());
        int iterations = (int) Math.max(50, Math.min(1000, pairEvaluations / perStep));
        double[][] price = new double[tables][p];
        double[][] prefix = new double[tables][p + 1];
        int[][] usage = new int[tables][p + 1];
        int[] chosen = new int[n];
        double best = total;
        long bestPrimal = 0;
        double step = 2.0;
        int sinceImproved = 0;
        Integer[] order = new Integer[n];
        double[] reducedOf = new double[n];
        int[][] occupied = new int[tables][p];
        for (int iteration = 0; iteration < iterations; iteration++) {
            for (int t = 0; t < tables; t++) {
                double sum = 0;
                for (int i = 0; i < p; i++) {
                    prefix[t][i] = sum;
                    sum += price[t][i];
                }
                prefix[t][p] = sum;
                Arrays.fill(usage[t], 0);
            }
            double value = 0;
            for (int t = 0; t < tables; t++) {
                value += prefix[t][p];
            }
            // Bookings of one group share their stay and their seatings, so the cheapest seating is theirs too.
            for (int[] members : groups) {
                List<Seating> seatings = options.get(members[0]);
                double cheapest = Double.POSITIVE_INFINITY;
                int cheapestSeating = -1;
                for (int s = 0; s < seatings.size(); s++) {
                    double cost = 0;
                    for (int table : seatings.get(s).getTableIndexes()) {
                        cost += prefix[table][to[members[0]]] - prefix[table][from[members[0]]];
                    }
                    if (cost < cheapest) {
                        cheapest = cost;
                        cheapestSeating = s;
                    }
                }
                for (int b : members) {
                    double reduced = cheapestSeating < 0 ? Double.NEGATIVE_INFINITY : weight[b] - cheapest;
                    int seat = cheapestSeating;
                    if (!must[b] && reduced <= 0) {
                        reduced = 0;
                        seat = -1;
                    }
                    value += reduced;
                    chosen[b] = seat;
                    reducedOf[b] = reduced;
                    if (seat >= 0) {
                        for (int table : seatings.get(seat).getTableIndexes()) {
                            usage[table][from[b]]++;
                            usage[table][to[b]]--;
                        }
                    }
                }
            }
            if (value < best - 1e-9) {
                best = value;
                sinceImproved = 0;
            } else if (++sinceImproved >= 20) {
                step /= 2;
                sinceImproved = 0;
            }
            if (iteration % 5 == 0) {
                bestPrimal = Math.max(bestPrimal, greedyPlan(bookings, options, chosen, reducedOf, from, to, weight,
                        order, occupied));
            }
            if (best - bestPrimal < 1 - 1e-6) {
                break; // the bound rounds down to a plan's weight: nothing left to gain
            }
            // Subgradient: 1 − (bookings using the table at the point); prices go up where a clique is broken.
            double norm = 0;
            for (int t = 0; t < tables; t++) {
                int running = 0;
                for (int i = 0; i < p; i++) {
                    running += usage[t][i];
                    usage[t][i] = running;
                    double g = 1 - running;
                    if (g < 0 || price[t][i] > 0) {
                        norm += g * g;
                    }
                }
            }
            if (norm == 0) {
                break; // every clique kept with its price paid: L is exact for these prices
            }
            // Polyak's step towards the best plan found by rounding (a target below the optimum).
            double theta = step * Math.max(0.5, value - bestPrimal) / norm;
            for (int t = 0; t < tables; t++) {
                for (int i = 0; i < p; i++) {
                    price[t][i] = Math.max(0, price[t][i] - theta * (1 - usage[t][i]));
                }
            }
        }
        return Math.min(total, (long) Math.floor(best + 1e-6));
    }

    /**
     * The weight of a plan made from the relaxation's choices: bookings by reduced value, each on its chosen seating
     * when that is free during its stay. Two stays overlap exactly when one starts during the other, so checking
     * the start points is exact. Pacing is ignored, so this only steers the steps; it is never the bound.
     */
    private static long greedyPlan(List<PlannedBooking> bookings, List<List<Seating>> options, int[] chosen,
                                   double[] reduced, int[] from, int[] to, long[] weight, Integer[] order,
                                   int[][] occupied) {
        for (int[] row : occupied) {
            Arrays.fill(row, 0);
        }
        for (int b = 0; b < order.length; b++) {
            order[b] = b;
        }
        Arrays.sort(order, (x, y) -> {
            int byValue = Double.compare(reduced[y], reduced[x]);
            return byValue != 0 ? byValue : Integer.compare(x, y);
        });
        long seated = 0;
        for (int b : order) {
            if (chosen[b] < 0) {
                continue;
            }
            int[] seatingTables = options.get(b).get(chosen[b]).getTableIndexes();
            boolean free = true;
            for (int table : seatingTables) {
                for (int i = from[b]; i < to[b] && free; i++) {
                    free = occupied[table][i] == 0;
                }
            }
            if (free) {
                for (int table : seatingTables) {
                    for (int i = from[b]; i < to[b]; i++) {
                        occupied[table][i] = 1;
                    }
                }
                seated += weight[b];
            }
        }
        return seated;
    }

    /** The index of the first point at or after {@code time} (points are sorted). */
    private static int lowerIndex(int[] points, int time) {
        int index = Arrays.binarySearch(points, time);
        return index >= 0 ? index : -index - 1;
    }

    static List<List<Seating>> options(SeatingPlan plan, Function<PlannedBooking, List<Seating>> of) {
        List<List<Seating>> options = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            options.add(of.apply(booking));
        }
        return options;
    }
}
