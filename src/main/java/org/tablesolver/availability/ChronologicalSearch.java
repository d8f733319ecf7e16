package org.tablesolver.availability;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;

/**
 * An exact search of its own for {@link SeatingCheck}: seats the component's parties in order of arrival, each on
 * a seating of its domain whose tables are all free by then. Since every later party arrives no earlier, a table
 * matters to them only by the minute it becomes free, so the state after the first k parties is "k and when each
 * table is free", clipped at the next arrival; a state that failed once fails again and is remembered. Complete:
 * it tries every seating, so when it ends without a seating none exists. It gives up (UNKNOWN) after a node
 * budget, and then CP-SAT decides. Deterministic: fixed orders, and the memory is only ever asked, never iterated.
 */
final class ChronologicalSearch {

    private final List<PlannedBooking> parties;
    private final List<List<Seating>> options;
    private final int[] freeFrom;
    /** Per table, the party that holds it until {@link #freeFrom} (meaningful while that is in the future). */
    private final int[] occupant;
    private final Seating[] chosen;
    private final Set<Key> failed = new HashSet<>();
    /** Per k, the tables some party from k on may use: the others no longer matter to the state. */
    private final java.util.BitSet[] usableFrom;
    private final int nodeLimit;
    /** Tables no party can tell apart (same single-table seating in the same domains, in no combination). */
    private final int[] tableClass;
    /** Tables by class, classes in order of their first table. */
    private final List<int[]> classes;
    private int nodes;

    private record Key(int k, int[] freeFrom) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.k == k && Arrays.equals(other.freeFrom, freeFrom);
        }

        @Override
        public int hashCode() {
            return 31 * k + Arrays.hashCode(freeFrom);
        }
    }

    private ChronologicalSearch(List<PlannedBooking> parties, Map<PlannedBooking, List<Seating>> domains,
                                Map<PlannedBooking, Seating> current, int tableCount, int nodeLimit) {
        this.parties = parties.stream()
                .sorted(Comparator.comparingInt(PlannedBooking::getStart).thenComparing(PlannedBooking::getId)).toList();
        this.options = this.parties.stream().map(party -> {
            Seating now = current.get(party);
            List<Seating> domain = domains.get(party);
            if (now == null || !domain.contains(now)) {
                return domain;
            }
            // Where it sits now first: a plan close to the current one.
            List<Seating> ordered = new java.util.ArrayList<>(domain.size());
            ordered.add(now);
            domain.stream().filter(seating -> seating != now).forEach(ordered::add);
            return (List<Seating>) ordered;
        }).toList();
        this.freeFrom = new int[tableCount];
        Arrays.fill(freeFrom, Integer.MIN_VALUE);
        this.occupant = new int[tableCount];
        Arrays.fill(occupant, -1);
        this.chosen = new Seating[this.parties.size()];
        this.nodeLimit = nodeLimit;
        this.usableFrom = new java.util.BitSet[this.parties.size() + 1];
        usableFrom[this.parties.size()] = new java.util.BitSet();
        for (int i = this.parties.size() - 1; i >= 0; i--) {
            usableFrom[i] = (java.util.BitSet) usableFrom[i + 1].clone();
            for (Seating seating : options.get(i)) {
                for (int table : seating.getTableIndexes()) {
                    usableFrom[i].set(table);
                }
            }
        }
        // Symmetry: a table's signature is the list of parties whose domain holds it as a single table; tables
        // of any combination in a domain are each their own class.
        String[] signature = new String[tableCount];
        boolean[] inCombination = new boolean[tableCount];
        StringBuilder[] builders = new StringBuilder[tableCount];
        for (int t = 0; t < tableCount; t++) {
            builders[t] = new StringBuilder();
        }
        for (int i = 0; i < this.parties.size(); i++) {
            for (Seating seating : domains.get(this.parties.get(i))) {
                int[] tables = seating.getTableIndexes();
                if (tables.length > 1) {
                    for (int table : tables) {
                        inCombination[table] = true;
                    }
                } else {
                    builders[tables[0]].append(i).append(',');
                }
            }
        }
        java.util.Map<String, Integer> classOf = new java.util.LinkedHashMap<>();
        tableClass = new int[tableCount];
        List<List<Integer>> members = new java.util.ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            signature[t] = inCombination[t] ? "#" + t : builders[t].toString();
            Integer c = classOf.get(signature[t]);
            if (c == null) {
                c = members.size();
                classOf.put(signature[t], c);
                members.add(new java.util.ArrayList<>());
            }
            tableClass[t] = c;
            members.get(c).add(t);
        }
        classes = members.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /**
     * @return the outcome and, when FEASIBLE, a seating for every party
     */
    static ExactSeating.Result solve(List<PlannedBooking> parties, Map<PlannedBooking, List<Seating>> domains,
                                     Map<PlannedBooking, Seating> current, int tableCount, int nodeLimit) {
        ChronologicalSearch search = new ChronologicalSearch(parties, domains, current, tableCount, nodeLimit);
        try {
            if (!search.rootStillSeatable() || search.place(0) != null) {
                return new ExactSeating.Result(SeatingCheck.Outcome.INFEASIBLE, Map.of());
            }
        } catch (OutOfBudget e) {
            return new ExactSeating.Result(SeatingCheck.Outcome.UNKNOWN, Map.of());
        }
        Map<PlannedBooking, Seating> seatings = new IdentityHashMap<>();
        for (int i = 0; i < search.parties.size(); i++) {
            seatings.put(search.parties.get(i), search.chosen[i]);
        }
        return new ExactSeating.Result(SeatingCheck.Outcome.FEASIBLE, seatings);
    }

    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    /**
     * The checks before the search: every party has a seating, and Hall's condition holds at every arrival
     * ({@link #matchable}). The matchings run at the root only: deeper they cost more than they prune (measured
     * on the seed day).
     */
    private boolean rootStillSeatable() {
        for (int j = 0; j < parties.size(); j++) {
            if ((j == 0 || parties.get(j).getStart() != parties.get(j - 1).getStart()) && !matchable(0, j)) {
                return false;
            }
        }
        return stillSeatableUntil(0, Integer.MAX_VALUE) == null;
    }

    /**
     * Hall's condition at the arrival of party {@code j}: the parties from {@code from} on who are present then
     * never share a table, so each must get a distinct table among the tables of its still possible seatings (a
     * relaxation: a combination needs all its tables). Checked by a bipartite matching.
     */
    private boolean matchable(int from, int j) {
        int moment = parties.get(j).getStart();
        int[] present = new int[parties.size()];
        int count = 0;
        for (int i = from; i < parties.size() && parties.get(i).getStart() <= moment; i++) {
            if (parties.get(i).getEnd() > moment) {
                present[count++] = i;
            }
        }
        if (count <= 1) {
            return true;
        }
        int[][] tablesOf = new int[count][];
        for (int c = 0; c < count; c++) {
            int i = present[c];
            java.util.BitSet allowed = new java.util.BitSet();
            for (Seating seating : options.get(i)) {
                int[] tables = seating.getTableIndexes();
                boolean free = true;
                for (int table : tables) {
                    free &= freeFrom[table] <= parties.get(i).getStart();
                }
                if (free) {
                    for (int table : tables) {
                        allowed.set(table);
                    }
                }
            }
            tablesOf[c] = allowed.stream().toArray();
        }
        int[] owner = new int[freeFrom.length];
        Arrays.fill(owner, -1);
        for (int c = 0; c < count; c++) {
            if (!augment(c, tablesOf, owner, new boolean[freeFrom.length])) {
                return false;
            }
        }
        return true;
    }

    private static boolean augment(int c, int[][] tablesOf, int[] owner, boolean[] visited) {
        for (int table : tablesOf[c]) {
            if (!visited[table]) {
                visited[table] = true;
                if (owner[table] < 0 || augment(owner[table], tablesOf, owner, visited)) {
                    owner[table] = c;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The forward check after a party took its tables until {@code until}: only the parties arriving before then
     * can have lost a seating. Null when every one of them still has one; else why one has none: for each of
     * its seatings, the party that holds a table of it.
     */
    private java.util.BitSet stillSeatableUntil(int from, int until) {
        for (int j = from; j < parties.size() && parties.get(j).getStart() < until; j++) {
            int arrival = parties.get(j).getStart();
            java.util.BitSet why = new java.util.BitSet();
            boolean any = false;
            for (Seating seating : options.get(j)) {
                int busy = firstBusy(seating.getTableIndexes(), arrival);
                if (busy < 0) {
                    any = true;
                    break;
                }
                why.set(occupant[busy]);
            }
            if (!any) {
                return why;
            }
        }
        return null;
    }

    /** The first table not yet free at {@code arrival}, or -1. */
    private int firstBusy(int[] tables, int arrival) {
        for (int table : tables) {
            if (freeFrom[table] > arrival) {
                return table;
            }
        }
        return -1;
    }

    /**
     * Seats parties {@code k} onwards. Null when they all got a seating; else a conflict set: parties before k
     * whose seatings explain the failure (conflict-directed backjumping: when a failure below does not involve
     * party k's choice, no other choice of k is tried, as none could help).
     */
    private java.util.BitSet place(int k) {
        if (k == parties.size()) {
            return null;
        }
        if (++nodes > nodeLimit) {
            throw new OutOfBudget();
        }
        PlannedBooking party = parties.get(k);
        int arrival = party.getStart();
        // The state up to symmetry: per class of interchangeable tables, the sorted minutes they become free.
        int[] state = new int[freeFrom.length];
        int at = 0;
        for (int[] members : classes) {
            int from = at;
            for (int table : members) {
                state[at++] = usableFrom[k].get(table) ? Math.max(freeFrom[table], arrival) : arrival;
            }
            Arrays.sort(state, from, at);
        }
        Key key = new Key(k, state);
        if (failed.contains(key)) {
            // Failed before, reached another way: no explanation in terms of this path, so blame everyone.
            java.util.BitSet everyone = new java.util.BitSet();
            everyone.set(0, k);
            return everyone;
        }
        java.util.BitSet conflicts = new java.util.BitSet();
        long[] tried = new long[options.get(k).size()];
        int triedCount = 0;
        for (Seating seating : options.get(k)) {
            int[] tables = seating.getTableIndexes();
            int busy = firstBusy(tables, arrival);
            if (busy >= 0) {
                // Not free: explained by whoever holds that table (every such holder is blamed, symmetric or not).
                conflicts.set(occupant[busy]);
                continue;
            }
            if (tables.length == 1) {
                // A free table interchangeable with one tried already leads to the same states and the same blame.
                long token = tableClass[tables[0]];
                boolean seen = false;
                for (int i = 0; i < triedCount && !seen; i++) {
                    seen = tried[i] == token;
                }
                if (seen) {
                    continue;
                }
                tried[triedCount++] = token;
            }
            int[] before = new int[tables.length];
            int[] beforeOccupant = new int[tables.length];
            for (int i = 0; i < tables.length; i++) {
                before[i] = freeFrom[tables[i]];
                beforeOccupant[i] = occupant[tables[i]];
                freeFrom[tables[i]] = party.getEnd();
                occupant[tables[i]] = k;
            }
            chosen[k] = seating;
            java.util.BitSet why = stillSeatableUntil(k + 1, party.getEnd());
            if (why == null) {
                why = place(k + 1);
                if (why == null) {
                    return null;
                }
            }
            for (int i = 0; i < tables.length; i++) {
                freeFrom[tables[i]] = before[i];
                occupant[tables[i]] = beforeOccupant[i];
            }
            if (!why.get(k)) {
                // The failure below does not depend on where party k sits: jump back over it.
                chosen[k] = null;
                failed.add(key);
                return why;
            }
            why.clear(k);
            conflicts.or(why);
        }
        chosen[k] = null;
        failed.add(key);
        return conflicts;
    }
}
