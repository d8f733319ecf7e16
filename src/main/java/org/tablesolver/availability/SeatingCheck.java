package org.tablesolver.availability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.TableBlock;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * The exact question behind online booking: can every party that must stay seated (confirmed and seated
 * bookings, active capacity holds) and one new party all have a seating at once, where pinned and seated
 * bookings keep theirs and the others may move to any seating that fits them?
 * <p>
 * Only the parties connected to the new one by overlapping times can matter (a party that overlaps none of
 * them in time shares no table-minute with them), so the check works on that component. It goes from cheap to
 * exact: a free seating; a short deterministic search that moves parties out of the way (ejection chains of
 * bounded depth, fewest moves first); the linear relaxation, whose value below the component's weight proves
 * that no seating exists; and otherwise {@link ChronologicalSearch} and {@link ExactSeating}, which either find a
 * seating or prove that none exists within a deterministic budget. A "no" is only ever a proof.
 * <p>
 * Works on a {@link SeatingPlan} built by {@code SeatingPlanBuilder} in {@code REOPTIMIZE} mode from the
 * bookings that must stay seated plus the new party (state CONFIRMED, no seating): PENDING bookings are
 * requests and do not take part. Deterministic: no hashing order, no randomness, no clock.
 */
public final class SeatingCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SeatingCheck.class);

    /** How a verdict was reached. */
    public enum Method {
        /** The new party fits on a free seating; nobody moves. */
        FREE,
        /** A short search moved other parties to make room. */
        RESHUFFLE,
        /** The exact methods decided: the chronological search or CP-SAT. */
        EXACT,
        /** The linear relaxation proved that no seating exists. */
        RELAXATION,
        /**
         * At one instant of the new party's stay, the parties present need more tables than their seatings' tables
         * can give them at once (a bipartite matching of parties to tables): proven without the relaxation.
         */
        MATCHING,
        /**
         * A seating of everyone found for an earlier state of the day (a witness), with the parties it does not place
         * seated where they are or on a free seating, checked afresh party by party: a "yes" without a search.
         */
        WITNESS
    }

    public enum Outcome {
        FEASIBLE,
        /** Proven: no seating of everyone exists. */
        INFEASIBLE,
        /** The exact method ran out of its budget: neither proven nor found. */
        UNKNOWN
    }

    /**
     * @param seatings for FEASIBLE: the seating of every party of the component, by booking id (including the
     *                 new party); parties outside the component keep their current seating
     * @param moved    for FEASIBLE: ids of parties that had a seating and get another one, in plan order
     */
    public record Verdict(Outcome outcome, Method method, Map<String, Seating> seatings, List<String> moved) {

        public boolean feasible() {
            return outcome == Outcome.FEASIBLE;
        }
    }

    /**
     * Search effort per check, all of it deterministic: nodes of the reshuffle search, its chain depth, nodes of
     * the exact chronological search, and CP-SAT's deterministic time when that search gives up.
     */
    public record Budget(int searchNodes, int maxChainDepth, int exactNodes, double exactDeterministicSeconds) {
        public static final Budget DEFAULT = new Budget(4000, 3, 50_000, 5.0);

        /**
         * The budget for looking for alternatives: only a quick "yes" counts there (a start that is not found
         * available is just not offered), so no time goes into proving a "no": no CP-SAT, a short search.
         */
        public Budget forAlternatives() {
            return new Budget(searchNodes, maxChainDepth, Math.min(exactNodes, 2_000), 0);
        }
    }

    /**
     * What every check on one plan shares, computed once: the fixed occupancy of each table (pinned and seated
     * parties, table holds, other days' bookings), and each movable party's domain (the seatings it may take)
     * with the physical tables that domain touches. Several candidates (a day's grid) are checked on one plan.
     */
    public static final class Context {

        private final SeatingPlan plan;
        /** Per physical table: {start, end} of what blocks it for good. */
        private final List<List<int[]>> fixedByTable = new ArrayList<>();
        private final List<PlannedBooking> movable = new ArrayList<>();
        private final Map<PlannedBooking, List<Seating>> domains = new IdentityHashMap<>();
        private final Map<PlannedBooking, java.util.BitSet> domainTables = new IdentityHashMap<>();

        public Context(SeatingPlan plan) {
            this.plan = plan;
            int tableCount = 0;
            for (Seating seating : plan.getSeatings()) {
                for (int table : seating.getTableIndexes()) {
                    tableCount = Math.max(tableCount, table + 1);
                }
            }
            for (int i = 0; i < tableCount; i++) {
                fixedByTable.add(new ArrayList<>(2));
            }
            for (TableBlock block : plan.getBlocks()) {
                fixedByTable.get(block.tableIndex()).add(new int[] {block.start(), block.end()});
            }
            for (PlannedBooking booking : plan.getBookings()) {
                if (booking.isPinned() && booking.getSeating() != null) {
                    for (int table : booking.getSeating().getTableIndexes()) {
                        fixedByTable.get(table).add(new int[] {booking.getStart(), booking.getEnd()});
                    }
                }
            }
            for (PlannedBooking booking : plan.getBookings()) {
                if (booking.isMustStaySeated() && !booking.isPinned()) {
                    movable.add(booking);
                    domainOf(booking);
                }
            }
        }

        List<Seating> domainOf(PlannedBooking booking) {
            List<Seating> known = domains.get(booking);
            if (known != null) {
                return known;
            }
            List<Seating> domain = new ArrayList<>();
            java.util.BitSet tables = new java.util.BitSet();
            for (Seating seating : booking.getFittingSeatings()) {
                if ((seating.isInService() || seating == booking.getOriginalSeating()) && !blocked(seating, booking)) {
                    domain.add(seating);
                    for (int table : seating.getTableIndexes()) {
                        tables.set(table);
                    }
                }
            }
            domains.put(booking, domain);
            domainTables.put(booking, tables);
            return domain;
        }

        private boolean blocked(Seating seating, PlannedBooking booking) {
            for (int table : seating.getTableIndexes()) {
                for (int[] interval : fixedByTable.get(table)) {
                    if (booking.overlaps(interval[0], interval[1])) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Components larger than this get the relaxation first, then a short chronological search, then CP-SAT; smaller
     * ones a short chronological search first, then the relaxation, then the whole search.
     */
    static final int LARGE_COMPONENT = 15;

    /** The key of the new party in a witness (its id differs from check to check). */
    public static final String WITNESS_CANDIDATE = "";

    private final Context context;
    private final SeatingPlan plan;
    private final PlannedBooking candidate;
    private final Budget budget;
    /** The component: movable parties connected to the candidate (overlapping times and a table in common). */
    private final List<PlannedBooking> component = new ArrayList<>();
    private final Map<PlannedBooking, Seating> assigned = new IdentityHashMap<>();
    private final Map<PlannedBooking, List<Seating>> domains = new IdentityHashMap<>();
    private int nodes;
    /** An earlier verdict's seatings to try first, or null. */
    private Map<String, String> witness;
    /** The last stage the check reached, for the debug log. */
    private String stage = "free seating";

    private SeatingCheck(Context context, PlannedBooking candidate, Budget budget) {
        this.context = context;
        this.plan = context.plan;
        this.candidate = candidate;
        this.budget = budget;
    }

    /**
     * @param candidateId the new party's booking id in {@code plan} (it must have no seating)
     * @param minimizeMoves ask the exact method for the fewest moves (confirmations) rather than any seating
     *                      (availability)
     */
    public static Verdict check(SeatingPlan plan, String candidateId, Budget budget, boolean minimizeMoves) {
        return check(new Context(plan), candidateId, budget, minimizeMoves);
    }

    /**
     * The same on a shared context. The candidate may be a PENDING booking of the plan: several candidates, one
     * per start time, then share one plan and one context.
     */
    public static Verdict check(Context context, String candidateId, Budget budget, boolean minimizeMoves) {
        return check(context, candidateId, budget, minimizeMoves, null);
    }

    /**
     * The same, trying {@code witness} first: seating ids by booking id ({@link #WITNESS_CANDIDATE} for the new
     * party), as an earlier verdict's seatings gave them. Only a hint: it is checked against this plan party by party,
     * and when it does not seat everyone the check goes on as without it. Null: none.
     */
    public static Verdict check(Context context, String candidateId, Budget budget, boolean minimizeMoves,
                                Map<String, String> witness) {
        PlannedBooking candidate = context.plan.getBookings().stream().filter(b -> b.getId().equals(candidateId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no booking " + candidateId + " in the plan"));
        if (candidate.getSeating() != null) {
            throw new IllegalArgumentException("the new party " + candidateId + " already has a seating");
        }
        SeatingCheck check = new SeatingCheck(context, candidate, budget);
        check.witness = witness;
        long began = System.nanoTime();
        Verdict verdict = check.run(minimizeMoves);
        if (LOG.isDebugEnabled()) {
            LOG.debug("check {} ({}): {} by {} via {}, {} parties connected, {} reshuffle nodes{}, {} ms", candidateId,
                    minimizeMoves ? "confirmation" : "availability", verdict.outcome(), verdict.method(), check.stage,
                    check.component.size(), check.nodes, witness == null ? "" : ", a witness tried",
                    String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - began) / 1e6));
        }
        return verdict;
    }

    private Verdict run(boolean minimizeMoves) {
        domains.put(candidate, context.domainOf(candidate));
        buildComponent();
        for (PlannedBooking booking : component) {
            domains.put(booking, context.domainOf(booking));
            if (booking.getSeating() != null && domains.get(booking).contains(booking.getSeating())) {
                assigned.put(booking, booking.getSeating());
            }
        }
        if (domains.get(candidate).isEmpty()) {
            return infeasible(Method.FREE);
        }
        // Parties without a valid seating now: capacity holds (they name no table), then the new party.
        List<PlannedBooking> unplaced = new ArrayList<>();
        for (PlannedBooking booking : component) {
            if (!assigned.containsKey(booking) && booking != candidate) {
                unplaced.add(booking);
            }
        }
        unplaced.add(candidate);
        if (unplaced.size() == 1) {
            Seating free = bestFree(candidate);
            if (free != null) {
                assigned.put(candidate, free);
                return feasible(Method.FREE);
            }
        }
        // A slot full at its busiest instant is proven so in microseconds, before any search.
        if (provenFullByMatching()) {
            return infeasible(Method.MATCHING);
        }
        if (witness != null && seatedByWitness()) {
            return feasible(Method.WITNESS);
        }
        // The reshuffle search looks for few moves: what a confirmation writes. Availability needs only a yes or a
        // no: the chronological search gives it directly on restaurant-sized components. On large ones the reshuffle
        // is availability's quickest "yes" too: in a rush it seated the new party within about a hundred nodes
        // wherever it could and gave up within about fifty where it could not, so it goes before the relaxation
        // (a millisecond or two, and it proves nothing on a "yes").
        boolean large = component.size() > LARGE_COMPONENT;
        if ((minimizeMoves || large) && reshuffled(unplaced)) {
            return feasible(Method.RESHUFFLE);
        }
        // A budget without CP-SAT time asks only for a "yes" when it is quick to find (alternatives of a refusal).
        boolean yesOnly = budget.exactDeterministicSeconds() <= 0;
        // The chronological search decides most restaurant-sized components in a few hundred nodes; the relaxation
        // proves most of the other "no"s in a millisecond or so. On large components it comes first, and the search
        // gets only a short try for a "yes".
        stage = "chronological search";
        ExactSeating.Result exact = large ? new ExactSeating.Result(Outcome.UNKNOWN, Map.of())
                : chronological(Math.min(budget.exactNodes(), QUICK_NODES));
        if (exact.outcome() == Outcome.UNKNOWN) {
            if (provenFullByRelaxation()) {
                return infeasible(Method.RELAXATION);
            }
            stage = "chronological search";
            exact = chronological(large ? Math.min(budget.exactNodes(), 1_000) : budget.exactNodes());
        }
        if (!yesOnly && (exact.outcome() == Outcome.UNKNOWN
                || exact.outcome() == Outcome.FEASIBLE && minimizeMoves && movesIn(exact.seatings()) > 0)) {
            // CP-SAT decides what the search could not, and for a confirmation finds the fewest moves.
            stage = exact.outcome() == Outcome.UNKNOWN ? "CP-SAT" : "CP-SAT, fewest moves";
            ExactSeating.Result exactByCpSat = ExactSeating.solve(component, domains, currentSeatings(), candidate,
                    minimizeMoves, budget.exactDeterministicSeconds());
            if (exactByCpSat.outcome() != Outcome.UNKNOWN || exact.outcome() == Outcome.UNKNOWN) {
                exact = exactByCpSat;
            }
        }
        return switch (exact.outcome()) {
            case FEASIBLE -> {
                assigned.clear();
                assigned.putAll(exact.seatings());
                yield feasible(Method.EXACT);
            }
            case INFEASIBLE -> infeasible(Method.EXACT);
            case UNKNOWN -> new Verdict(Outcome.UNKNOWN, Method.EXACT, Map.of(), List.of());
        };
    }

    /**
     * The parties that can matter: the closure of the candidate under "overlap in time and have a table in
     * common in their domains", over the movable parties that must stay seated. A party outside it shares no
     * table-minute with any party inside, whatever seatings either gets, so it keeps its seating.
     */
    private void buildComponent() {
        List<PlannedBooking> movable = context.movable;
        boolean[] taken = new boolean[movable.size()];
        List<PlannedBooking> queue = new ArrayList<>(List.of(candidate));
        Map<PlannedBooking, Boolean> inComponent = new IdentityHashMap<>();
        inComponent.put(candidate, true);
        for (int q = 0; q < queue.size(); q++) {
            PlannedBooking member = queue.get(q);
            java.util.BitSet tables = context.domainTables.get(member);
            for (int i = 0; i < movable.size(); i++) {
                PlannedBooking other = movable.get(i);
                if (!taken[i] && other != candidate && other.overlaps(member)
                        && tables.intersects(context.domainTables.get(other))) {
                    taken[i] = true;
                    inComponent.put(other, true);
                    queue.add(other);
                }
            }
        }
        for (PlannedBooking booking : plan.getBookings()) {
            if (inComponent.containsKey(booking)) {
                component.add(booking);
            }
        }
    }

    /** Component parties other than {@code self} on a table of {@code seating} during self's time. */
    private List<PlannedBooking> occupants(Seating seating, PlannedBooking self) {
        List<PlannedBooking> found = new ArrayList<>(2);
        for (PlannedBooking other : component) {
            Seating at = assigned.get(other);
            if (other != self && at != null && other.overlaps(self) && at.sharesTableWith(seating)) {
                found.add(other);
            }
        }
        return found;
    }

    /** The free seating a party would like best: preferred zone, then fewest wasted seats, then floor-plan order. */
    private Seating bestFree(PlannedBooking booking) {
        Seating best = null;
        for (Seating seating : domains.get(booking)) {
            if (occupants(seating, booking).isEmpty() && (best == null || better(booking, seating, best))) {
                best = seating;
            }
        }
        return best;
    }

    private static boolean better(PlannedBooking booking, Seating a, Seating b) {
        String zone = booking.getPreferredZone();
        boolean aZone = zone != null && a.isInZone(zone);
        boolean bZone = zone != null && b.isInZone(zone);
        if (aZone != bZone) {
            return aZone;
        }
        if (a.getMaxCapacity() != b.getMaxCapacity()) {
            return a.getMaxCapacity() < b.getMaxCapacity();
        }
        if (a.isCombination() != b.isCombination()) {
            return !a.isCombination();
        }
        return a.getIndex() < b.getIndex();
    }

    /**
     * The reshuffle: seats the unplaced parties through ejection chains of one, two, then three levels (fewest moves
     * first), within the search budget. Leaves the seatings as they were when it fails.
     */
    private boolean reshuffled(List<PlannedBooking> unplaced) {
        stage = "reshuffle";
        for (int depth = 1; depth <= budget.maxChainDepth(); depth++) {
            Map<PlannedBooking, Seating> saved = new IdentityHashMap<>(assigned);
            if (placeAll(unplaced, depth)) {
                return true;
            }
            assigned.clear();
            assigned.putAll(saved);
            if (nodes >= budget.searchNodes()) {
                break;
            }
        }
        return false;
    }

    /** Places every party of the list, each through an ejection chain of at most {@code depth} levels. */
    private boolean placeAll(List<PlannedBooking> parties, int depth) {
        for (PlannedBooking party : parties) {
            if (!place(party, depth, new ArrayList<>(List.of(party)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Seats {@code party}: on a free seating if there is one, else on a seating whose movable occupants (one or
     * two) can in turn be seated elsewhere within {@code depth - 1} more levels. {@code chain} holds the parties
     * moved by this chain so far: none of them is displaced again. Undoes everything it did when it fails.
     */
    private boolean place(PlannedBooking party, int depth, List<PlannedBooking> chain) {
        if (++nodes > budget.searchNodes()) {
            return false;
        }
        Seating free = bestFree(party);
        if (free != null) {
            assigned.put(party, free);
            return true;
        }
        if (depth <= 1) {
            return false;
        }
        List<Seating> options = new ArrayList<>(domains.get(party));
        options.sort((a, b) -> better(party, a, b) ? -1 : better(party, b, a) ? 1 : 0);
        for (Seating seating : options) {
            List<PlannedBooking> displaced = occupants(seating, party);
            if (displaced.size() > 2 || displaced.stream().anyMatch(chain::contains)) {
                continue;
            }
            Map<PlannedBooking, Seating> saved = new IdentityHashMap<>(assigned);
            displaced.forEach(assigned::remove);
            assigned.put(party, seating);
            List<PlannedBooking> longer = new ArrayList<>(chain);
            longer.addAll(displaced);
            boolean ok = true;
            for (PlannedBooking other : displaced) {
                if (!place(other, depth - 1, longer)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
            assigned.clear();
            assigned.putAll(saved);
            if (nodes > budget.searchNodes()) {
                return false;
            }
        }
        return false;
    }

    /** The chronological search's first try on a component that is not large, before the relaxation. */
    static final int QUICK_NODES = 500;

    private ExactSeating.Result chronological(int nodeLimit) {
        return ChronologicalSearch.solve(component, domains, currentSeatings(), context.fixedByTable.size(), nodeLimit);
    }

    /**
     * A proof of "no" by the linear relaxation of the component's seating (the solver's bound: one clique per table
     * and start time, solved by GLOP and certified by its Lagrangian dual): when even fractional seatings cannot seat
     * every party of the component, no seating does. Usually conclusive when a slot is full, and about a millisecond
     * on a restaurant's component, where CP-SAT takes several; a relaxation that seats everyone proves nothing, and
     * the exact methods go on.
     */
    private boolean provenFullByRelaxation() {
        stage = "relaxation";
        long total = component.stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        return SeatedWeightBound.seatableWeight(plan.getSeatings(), component, domains::get) < total;
    }

    /**
     * Seats the component as the witness says where it still can: each party on the witness's seating when that is
     * still one of its seatings and no party already placed shares a table with it during its stay; the others where
     * they sit now, or on their best free seating; in plan order, the new party last; those left over through the
     * reshuffle. Leaves the seatings as they were and answers false when some party finds no place.
     */
    private boolean seatedByWitness() {
        stage = "witness";
        Map<PlannedBooking, Seating> saved = new IdentityHashMap<>(assigned);
        assigned.clear();
        List<PlannedBooking> later = new ArrayList<>();
        for (PlannedBooking booking : component) {
            String id = witness.get(booking == candidate ? WITNESS_CANDIDATE : booking.getId());
            Seating seating = id == null ? null : seatingWithId(booking, id);
            if (seating != null && occupants(seating, booking).isEmpty()) {
                assigned.put(booking, seating);
            } else {
                later.add(booking);
            }
        }
        later.remove(candidate);
        later.add(candidate);
        List<PlannedBooking> unplaced = new ArrayList<>();
        for (PlannedBooking booking : later) {
            Seating now = booking.getSeating();
            Seating seating = now != null && domains.get(booking).contains(now) && occupants(now, booking).isEmpty()
                    ? now : bestFree(booking);
            if (seating == null) {
                unplaced.add(booking);
            } else {
                assigned.put(booking, seating);
            }
        }
        // The parties the witness leaves without a place (those added since, usually one or two) through the
        // reshuffle's ejection chains, from the witness's seating rather than the committed one.
        int nodesBefore = nodes;
        if (unplaced.isEmpty() || reshuffled(unplaced)) {
            return true;
        }
        // A witness that does not hold leaves the check as it was: the same steps, with the same budgets, follow.
        nodes = nodesBefore;
        assigned.clear();
        assigned.putAll(saved);
        return false;
    }

    private Seating seatingWithId(PlannedBooking booking, String id) {
        for (Seating seating : domains.get(booking)) {
            if (seating.getId().equals(id)) {
                return seating;
            }
        }
        return null;
    }

    /**
     * A proof of "no" that costs microseconds: at an instant of the new party's stay (its start, or a component party's
     * start within it), every party present needs tables of its own at once, at least as many as its smallest seating
     * has, from the tables its seatings use (the domains leave out seatings that a fixed occupant blocks during the
     * party's stay). When a matching of parties to tables cannot give every party that many, no seating exists. A
     * relaxation of the same question as {@link #provenFullByRelaxation()}, weaker (it forgets that a party keeps one
     * seating for its whole stay), and far cheaper: it takes the slots that are full at their busiest instant.
     */
    private boolean provenFullByMatching() {
        stage = "matching";
        TreeSet<Integer> instants = new TreeSet<>();
        instants.add(candidate.getStart());
        for (PlannedBooking booking : component) {
            if (booking.getStart() > candidate.getStart() && booking.getStart() < candidate.getEnd()) {
                instants.add(booking.getStart());
            }
        }
        int tableCount = context.fixedByTable.size();
        for (int instant : instants) {
            List<PlannedBooking> present = new ArrayList<>();
            for (PlannedBooking booking : component) {
                if (booking.getStart() <= instant && instant < booking.getEnd()) {
                    present.add(booking);
                }
            }
            if (!matchable(present, tableCount)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every party can get as many distinct tables as its smallest seating has, each from its seatings. */
    private boolean matchable(List<PlannedBooking> present, int tableCount) {
        int[] owner = new int[tableCount];
        Arrays.fill(owner, -1);
        for (int p = 0; p < present.size(); p++) {
            List<Seating> domain = domains.get(present.get(p));
            int needed = Integer.MAX_VALUE;
            for (Seating seating : domain) {
                needed = Math.min(needed, seating.getTableIndexes().length);
            }
            if (needed == Integer.MAX_VALUE) {
                return false;
            }
            for (int unit = 0; unit < needed; unit++) {
                if (!augment(p, present, owner, new boolean[tableCount])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One augmenting path for party {@code p} (Kuhn's algorithm; a party may own several tables). */
    private boolean augment(int p, List<PlannedBooking> present, int[] owner, boolean[] visited) {
        java.util.BitSet reach = context.domainTables.get(present.get(p));
        for (int table = reach.nextSetBit(0); table >= 0; table = reach.nextSetBit(table + 1)) {
            if (visited[table]) {
                continue;
            }
            visited[table] = true;
            if (owner[table] == -1 || owner[table] != p && augment(owner[table], present, owner, visited)) {
                owner[table] = p;
                return true;
            }
        }
        return false;
    }

    private int movesIn(Map<PlannedBooking, Seating> seatings) {
        int moves = 0;
        for (PlannedBooking booking : component) {
            if (booking.getSeating() != null && seatings.get(booking) != booking.getSeating()) {
                moves++;
            }
        }
        return moves;
    }

    private Map<PlannedBooking, Seating> currentSeatings() {
        Map<PlannedBooking, Seating> current = new IdentityHashMap<>();
        for (PlannedBooking booking : component) {
            if (booking.getSeating() != null) {
                current.put(booking, booking.getSeating());
            }
        }
        return current;
    }

    private Verdict feasible(Method method) {
        Map<String, Seating> seatings = new java.util.LinkedHashMap<>();
        List<String> moved = new ArrayList<>();
        for (PlannedBooking booking : component) {
            Seating seating = assigned.get(booking);
            if (seating == null) {
                throw new IllegalStateException("feasible verdict leaves " + booking.getId() + " without a seating");
            }
            seatings.put(booking.getId(), seating);
            if (booking.getSeating() != null && booking.getSeating() != seating) {
                moved.add(booking.getId());
            }
        }
        return new Verdict(Outcome.FEASIBLE, method, java.util.Collections.unmodifiableMap(seatings), List.copyOf(moved));
    }

    private static Verdict infeasible(Method method) {
        return new Verdict(Outcome.INFEASIBLE, method, Map.of(), List.of());
    }

    /** Start times of the parties that may use a table: where at most one of them may sit (enough for intervals). */
    static TreeSet<Integer> starts(List<PlannedBooking> bookings) {
        TreeSet<Integer> starts = new TreeSet<>();
        bookings.forEach(b -> starts.add(b.getStart()));
        return starts;
    }

    static int[] tables(Seating seating) {
        int[] tables = seating.getTableIndexes();
        Arrays.sort(tables);
        return tables;
    }
}
