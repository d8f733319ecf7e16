package org.tablesolver.availability;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;

/**
 * Answers "can a party of N start at T" for one loaded restaurant-day, with a code and a reason when it
 * cannot: the rules that need no search first (party size, zone, service hours, pacing), then the exact
 * {@link SeatingCheck}. Holds one snapshot; every answer it gives is about that snapshot.
 */
final class SlotJudge {

    /** The new party's id inside the check (booking ids cannot contain a colon). */
    static final String CANDIDATE = "new:party";

    /** Why a slot is unavailable. */
    enum Code {
        NO_SEATING_FOR_PARTY_SIZE,
        NO_SEATING_IN_ZONE,
        OUTSIDE_SERVICE_HOURS,
        PACING_LIMIT,
        FULL,
        NOT_PROVEN,
        HOLD_EXPIRED
    }

    /** A party asking: required zone (a must) and preferred zone (a wish). */
    record Party(int partySize, int durationMinutes, String requiredZone, String preferredZone) {
    }

    /**
     * @param verdict the seating check's verdict when it ran; its seatings are the plan to write on a yes
     */
    record Answer(LocalDateTime start, Code code, String reason, SeatingCheck.Verdict verdict, String candidateId) {
        boolean available() {
            return code == null;
        }
    }

    private final FloorPlan plan;
    private final DayInput day;
    private final ServiceHours hours;
    private final SeatingCheck.Budget budget;
    private final boolean serviceRules;

    /**
     * @param ignoredHold a capacity hold's solver id that the asking party replaces (hold to booking), or null
     */
    SlotJudge(FloorPlan plan, LoadedDay loaded, SeatingCheck.Budget budget, String ignoredHold) {
        this(plan, loaded, budget, ignoredHold, true);
    }

    /**
     * @param ignored      the id of a party in the day that the asking party replaces (a capacity hold taken over,
     *                     a booking being changed or re-seated), or null
     * @param serviceRules whether service hours and pacing apply (they do for booking systems; a host seating a
     *                     party by hand or a walk-in decides them)
     */
    SlotJudge(FloorPlan plan, LoadedDay loaded, SeatingCheck.Budget budget, String ignored, boolean serviceRules) {
        String ignoredHold = ignored;
        this.serviceRules = serviceRules;
        this.plan = plan;
        this.hours = new ServiceHours(plan, loaded.key().date());
        this.budget = budget;
        // Only parties that must stay seated take part: PENDING bookings are requests.
        List<DayInput.Booking> parties = loaded.input().bookings().stream()
                .filter(b -> b.state() != BookingState.PENDING && !b.id().equals(ignoredHold))
                .toList();
        this.day = loaded.input().withBookings(parties);
    }

    ServiceHours hours() {
        return hours;
    }

    /**
     * The answer for one start. With {@code minimizeMoves} (a write: confirmation, hold, host action) the check looks
     * for the seating that moves fewest parties; when it cannot decide within its budget, the seating the
     * availability check finds (any seating, the first found) is taken instead: a slot that was offered is never
     * refused as NOT_PROVEN for want of the fewest moves.
     */
    Answer judge(LocalDateTime start, Party party, boolean minimizeMoves) {
        Answer answer = judgeAll(List.of(start), party, minimizeMoves).get(0);
        if (minimizeMoves && answer.code() == Code.NOT_PROVEN) {
            Answer any = judgeAll(List.of(start), party, false).get(0);
            if (any.code() != Code.NOT_PROVEN) {
                return any;
            }
        }
        return answer;
    }

    /**
     * Answers for several starts of one party. The rules without search go first; the starts that pass them
     * share one plan (every start a candidate of its own) and one {@link SeatingCheck.Context}.
     */
    List<Answer> judgeAll(List<LocalDateTime> starts, Party party, boolean minimizeMoves) {
        return judgeAll(starts, party, minimizeMoves, budget, null);
    }

    /**
     * The same, each start's check trying a witness first (an earlier answer's seatings, {@link #witness}; null for a
     * start without one): availability kept across writes.
     */
    List<Answer> judgeAll(List<LocalDateTime> starts, Party party, List<Map<String, String>> witnesses) {
        return judgeAll(starts, party, false, budget, witnesses);
    }

    /** The seating ids by booking id of an available answer's check (the new party under its own key), or null. */
    static Map<String, String> witness(Answer answer) {
        if (!answer.available() || answer.verdict() == null || !answer.verdict().feasible()) {
            return null;
        }
        Map<String, String> witness = new HashMap<>();
        answer.verdict().seatings().forEach((id, seating) -> witness.put(id.equals(answer.candidateId())
                ? SeatingCheck.WITNESS_CANDIDATE : id, seating.getId()));
        return witness;
    }

    private List<Answer> judgeAll(List<LocalDateTime> starts, Party party, boolean minimizeMoves,
                                  SeatingCheck.Budget budget, List<Map<String, String>> witnesses) {
        Answer[] answers = new Answer[starts.size()];
        List<DayInput.Booking> with = new ArrayList<>(day.bookings());
        List<Integer> toCheck = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Answer ruled = rules(starts.get(i), party);
            if (ruled != null) {
                answers[i] = ruled;
                continue;
            }
            Instant instant = LocalTimes.toInstant(starts.get(i), day.timeZone());
            with.add(new DayInput.Booking(CANDIDATE + "#" + i, instant, party.durationMinutes(), party.partySize(),
                    party.preferredZone(), party.requiredZone(), 0, BookingState.PENDING, null, List.of()));
            toCheck.add(i);
        }
        if (!toCheck.isEmpty()) {
            SeatingPlan seatingPlan = SeatingPlanBuilder.build(day.withBookings(with), SolveMode.REOPTIMIZE);
            SeatingCheck.Context context = new SeatingCheck.Context(seatingPlan);
            // A start without a witness of its own tries the last "yes" of this party at an earlier start: the
            // parties around it are mostly the same, so that seating of everyone often still fits with the new party
            // moved to the later start.
            Map<String, String> earlier = null;
            for (int i : toCheck) {
                String id = CANDIDATE + "#" + i;
                Map<String, String> own = witnesses == null ? null : witnesses.get(i);
                answers[i] = verdict(starts.get(i), party, SeatingCheck.check(context, id, budget, minimizeMoves,
                        own != null ? own : earlier), id);
                Map<String, String> found = witnesses == null ? null : witness(answers[i]);
                if (found != null) {
                    earlier = found;
                }
            }
        }
        return List.of(answers);
    }

    /** The refusal by a rule that needs no search, or null when the start passes them all. */
    Answer rules(LocalDateTime start, Party party) {
        int size = party.partySize();
        int largest = 0;
        boolean sizeFits = false;
        boolean zoneFits = false;
        for (FloorPlan.Table table : plan.tables()) {
            largest = Math.max(largest, table.maxCapacity());
            boolean fits = table.minCapacity() <= size && size <= table.maxCapacity();
            sizeFits |= fits;
            zoneFits |= fits && (party.requiredZone() == null || party.requiredZone().equals(table.zone()));
        }
        for (FloorPlan.Combination combination : plan.combinations()) {
            largest = Math.max(largest, combination.maxCapacity());
            boolean fits = combination.minCapacity() <= size && size <= combination.maxCapacity();
            sizeFits |= fits;
            zoneFits |= fits && (party.requiredZone() == null || combination.tables().stream()
                    .allMatch(id -> plan.table(id).map(t -> t.zone().equals(party.requiredZone())).orElse(false)));
        }
        if (!sizeFits) {
            return refusal(start, Code.NO_SEATING_FOR_PARTY_SIZE, size > largest
                    ? "No table or combination seats a party of %d (the largest takes %d).".formatted(size, largest)
                    : "No table or combination seats a party of %d.".formatted(size));
        }
        if (!zoneFits) {
            return refusal(start, Code.NO_SEATING_IN_ZONE, "No table or combination in zone '%s' seats a party of %d."
                    .formatted(party.requiredZone(), size));
        }
        if (serviceRules && !hours.open(start)) {
            return refusal(start, Code.OUTSIDE_SERVICE_HOURS, hours.describe() + " " + start.toLocalTime()
                    + " is outside.");
        }
        Instant instant = LocalTimes.toInstant(start, day.timeZone());
        if (instant == null) {
            return refusal(start, Code.OUTSIDE_SERVICE_HOURS, start + " does not exist in " + day.timeZone().getId()
                    + " (clocks go forward).");
        }
        Instant origin = day.date().atStartOfDay(day.timeZone()).toInstant();
        if (serviceRules && day.pacing() != null) {
            int slot = SeatingPlanBuilder.pacingIndex(minutes(origin, instant), day.pacing());
            int covers = 0;
            for (DayInput.Booking booking : day.bookings()) {
                if (SeatingPlanBuilder.pacingIndex(minutes(origin, booking.start()), day.pacing()) == slot) {
                    covers += booking.partySize();
                }
            }
            if (covers + size > day.pacing().maxCoversPerSlot()) {
                LocalTime from = LocalTimes.toLocal(origin.plusSeconds(60L * slot * day.pacing().slotMinutes()),
                        day.timeZone()).toLocalTime();
                return refusal(start, Code.PACING_LIMIT, ("%d guests already start between %s and %s; %d more would "
                        + "pass the kitchen's limit of %d per slot.").formatted(covers, from,
                        from.plusMinutes(day.pacing().slotMinutes()), size, day.pacing().maxCoversPerSlot()));
            }
        }
        return null;
    }

    private Answer verdict(LocalDateTime start, Party party, SeatingCheck.Verdict verdict, String candidateId) {
        int size = party.partySize();
        String window = start.toLocalTime() + "-"
                + start.plusMinutes(party.durationMinutes() + plan.turnoverBufferMinutes()).toLocalTime();
        String zone = party.requiredZone() == null ? "" : " in zone '" + party.requiredZone() + "'";
        return switch (verdict.outcome()) {
            case FEASIBLE -> new Answer(start, null, null, verdict, candidateId);
            case INFEASIBLE -> new Answer(start, Code.FULL, ("Every table that seats %d%s is taken %s; no reshuffle "
                    + "of confirmed parties frees one.").formatted(size, zone, window), verdict, candidateId);
            case UNKNOWN -> new Answer(start, Code.NOT_PROVEN, ("The exact check of a party of %d at %s did not finish "
                    + "within its budget, so no table is promised.").formatted(size, start.toLocalTime()), verdict,
                    candidateId);
        };
    }

    /** Answers whose yes is exact and whose no may only mean "not found quickly" (for waiting-time quotes). */
    List<Answer> quickYes(List<LocalDateTime> starts, Party party) {
        return judgeAll(starts, party, false, budget.forAlternatives(), null);
    }

    /** Up to {@code limit} available starts on the slot grid within two hours of {@code start}, nearest first. */
    List<LocalDateTime> alternatives(LocalDateTime start, Party party, int limit) {
        List<LocalDateTime> near = new ArrayList<>();
        for (LocalDateTime t : hours.alternativeGrid()) {
            long delta = Math.abs(java.time.Duration.between(start, t).toMinutes());
            if (!t.equals(start) && delta <= 120) {
                near.add(t);
            }
        }
        near.sort(Comparator.comparingLong((LocalDateTime t) -> Math.abs(java.time.Duration.between(start, t).toMinutes()))
                .thenComparing(Comparator.naturalOrder()));
        List<LocalDateTime> found = new ArrayList<>();
        for (Answer answer : judgeAll(near, party, false, budget.forAlternatives(), null)) {
            if (found.size() < limit && answer.available()) {
                found.add(answer.start());
            }
        }
        return found;
    }

    private static Answer refusal(LocalDateTime start, Code code, String reason) {
        return new Answer(start, code, reason, null, null);
    }

    private static int minutes(Instant origin, Instant instant) {
        return (int) Math.floorDiv(java.time.Duration.between(origin, instant).getSeconds(), 60);
    }
}
