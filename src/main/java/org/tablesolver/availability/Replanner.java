package org.tablesolver.availability;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tablesolver.booking.BookingRepository;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.web.ConflictException;

/**
 * The exact confirmation check for a host's changes to a day, inside the caller's transaction (which holds the
 * day's lock and the floor plan's booking-write lock and loaded the day): parties are fixed where the host puts
 * them or placed exactly, one after the other, each placement free to move confirmed parties that are not
 * pinned (as a confirmation may). Placements are made in memory on the loaded day; {@link #write} then stores
 * every changed seating at once, each moved booking's version + 1.
 */
public final class Replanner {

    /** A seating decided for a booking: the table or combination and its tables in floor-plan order. */
    public record Placed(String seatingId, List<String> tableIds) {
    }

    private final FloorPlan plan;
    private final LoadedDay loaded;
    private final SeatingCheck.Budget budget;
    private final Map<String, DayInput.Booking> parties = new LinkedHashMap<>();
    private final Map<String, Placed> changed = new LinkedHashMap<>();

    Replanner(FloorPlan plan, LoadedDay loaded, OnlineBookingProperties properties) {
        this.plan = plan;
        this.loaded = loaded;
        this.budget = properties.budget();
        for (DayInput.Booking booking : loaded.input().bookings()) {
            parties.put(booking.id(), booking);
        }
    }

    /** Puts a party at a seating, fixed there for the following placements (a host's decision). */
    public void fix(String id, Instant start, int durationMinutes, int partySize, String preferredZone,
                    String requiredZone, BookingState state, Placed seating) {
        parties.put(id, new DayInput.Booking(id, start, durationMinutes, partySize, preferredZone, requiredZone, 0,
                state, seating.seatingId(), seating.tableIds(), true, false));
        changed.put(id, seating);
    }

    /**
     * Places a party exactly at {@code start}: null when it fits (memory updated: its seating and those of the
     * parties it moved), else the refusal (code, reason, alternatives), nothing changed.
     *
     * @param serviceRules false for a host's own decisions: service hours and pacing do not apply
     */
    public ConflictException place(String id, LocalDateTime start, int partySize, int durationMinutes,
                                         String requiredZone, String preferredZone, boolean serviceRules) {
        SlotJudge judge = new SlotJudge(plan, dayWithout(id), budget, null, serviceRules);
        SlotJudge.Party party = new SlotJudge.Party(partySize, durationMinutes, requiredZone, preferredZone);
        SlotJudge.Answer answer = judge.judge(start, party, true);
        if (!answer.available()) {
            return OnlineBookingService.refusal(judge, answer, party);
        }
        Map<String, Seating> seatings = answer.verdict().seatings();
        for (String movedId : answer.verdict().moved()) {
            move(movedId, seatings.get(movedId));
        }
        Seating own = seatings.get(answer.candidateId());
        Instant instant = org.tablesolver.booking.LocalTimes.toInstant(start, plan.zoneId());
        parties.put(id, new DayInput.Booking(id, instant, durationMinutes, partySize, preferredZone, requiredZone, 0,
                BookingState.CONFIRMED, own.getId(), ordered(own), false, false));
        changed.put(id, new Placed(own.getId(), ordered(own)));
        return null;
    }

    /**
     * After the host's decisions, places every active capacity hold whose stay meets {@code [from, to)} again,
     * exactly: a capacity hold names no table, so a party put on a free table may take the room a hold counted on.
     * A hold that still fits only after confirmed parties that are not pinned move has them moved (in memory, as
     * when it was admitted), so that every hold keeps fitting on free tables. Null when every such hold fits, else
     * the id of the first that no longer does (the first by start, then id; the memory may then hold moves of
     * earlier holds: the caller refuses and writes nothing).
     */
    public String holdThatNoLongerFits(Instant from, Instant to) {
        long buffer = 60L * plan.turnoverBufferMinutes();
        // Every capacity hold the day holds as a party: this date's and the neighbouring dates' that reach into it.
        List<DayInput.Booking> meeting = parties.values().stream()
                .filter(DayInput.Booking::capacityHold)
                .filter(hold -> hold.start().isBefore(to)
                        && hold.start().plusSeconds(60L * hold.durationMinutes() + buffer).isAfter(from))
                .sorted(java.util.Comparator.comparing(DayInput.Booking::start).thenComparing(DayInput.Booking::id))
                .toList();
        for (DayInput.Booking hold : meeting) {
            SlotJudge judge = new SlotJudge(plan, dayWithout(hold.id()), budget, null, false);
            SlotJudge.Answer answer = judge.judge(org.tablesolver.booking.LocalTimes.toLocal(hold.start(), plan.zoneId()),
                    new SlotJudge.Party(hold.partySize(), hold.durationMinutes(), hold.requiredZone(), null), true);
            if (!answer.available()) {
                return hold.id().substring(LoadedDay.HOLD_PREFIX.length());
            }
            Map<String, Seating> seatings = answer.verdict().seatings();
            for (String movedId : answer.verdict().moved()) {
                move(movedId, seatings.get(movedId));
            }
        }
        return null;
    }

    /**
     * The rules that need no search (party size, zone, service hours, pacing) for a party at {@code start} when it
     * replaces {@code id}: null when they pass, else the refusal (code and reason, no alternatives).
     */
    public ConflictException rules(String id, LocalDateTime start, int partySize, int durationMinutes,
                                   String requiredZone) {
        SlotJudge judge = new SlotJudge(plan, dayWithout(id), budget, null, true);
        SlotJudge.Party party = new SlotJudge.Party(partySize, durationMinutes, requiredZone, null);
        SlotJudge.Answer answer = judge.rules(start, party);
        return answer == null ? null : OnlineBookingService.refusal(judge, answer, party);
    }

    /** The day as decided so far, without the party {@code id} (null: with every party). */
    private LoadedDay dayWithout(String id) {
        List<DayInput.Booking> others = parties.values().stream().filter(b -> !b.id().equals(id)).toList();
        return new LoadedDay(loaded.key(), loaded.floorPlan(), loaded.input().withBookings(others), loaded.bookings(),
                loaded.capacityHolds());
    }

    /**
     * The first minute after {@code from} (up to {@code horizonMinutes} later) at which the party can start, found
     * exactly (every start it names can be honoured), or null when none was found; nothing changed.
     */
    public Integer waitMinutes(LocalDateTime from, int horizonMinutes, int partySize, int durationMinutes,
                               String requiredZone) {
        SlotJudge judge = new SlotJudge(plan, dayWithout(null), budget, null, false);
        List<LocalDateTime> starts = new ArrayList<>();
        for (int minute = 1; minute <= horizonMinutes; minute++) {
            starts.add(from.plusMinutes(minute));
        }
        List<SlotJudge.Answer> answers = judge.quickYes(starts,
                new SlotJudge.Party(partySize, durationMinutes, requiredZone, null));
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).available()) {
                return i + 1;
            }
        }
        return null;
    }

    private void move(String id, Seating seating) {
        DayInput.Booking before = parties.get(id);
        parties.put(id, new DayInput.Booking(id, before.start(), before.durationMinutes(), before.partySize(),
                before.preferredZone(), before.requiredZone(), before.priority(), before.state(), seating.getId(),
                ordered(seating), before.pinned(), before.capacityHold()));
        if (!id.startsWith(LoadedDay.HOLD_PREFIX)) {
            changed.put(id, new Placed(seating.getId(), ordered(seating)));
        }
    }

    /** The seating decided for a party, or null when it has none (yet). */
    public Placed seatingOf(String id) {
        return changed.get(id);
    }

    /**
     * Stores the decisions: the tables of {@code own} (whose booking row the caller already updated and whose old
     * table rows it deleted), and for every other booking whose seating changed, its old rows deleted, its new
     * rows written and its version + 1 (at the version loaded: a booking changed meanwhile is a
     * {@link Retries.ConcurrentChange}). Returns the moved bookings other than {@code own}.
     */
    public List<ConfirmedBooking.Moved> write(JdbcClient jdbc, BookingRepository bookings, List<String> own) {
        String restaurantId = loaded.key().restaurantId();
        List<ConfirmedBooking.Moved> moved = new ArrayList<>();
        for (Map.Entry<String, Placed> entry : changed.entrySet()) {
            String id = entry.getKey();
            LoadedDay.LoadedBooking before = loaded.bookings().get(id);
            if (own.contains(id) || before == null || (entry.getValue().seatingId().equals(before.seatingId()))) {
                continue;
            }
            int deleted = jdbc.sql("delete from table_assignment where restaurant_id = :r and booking_id = :b")
                    .param("r", restaurantId).param("b", id).update();
            int updated = jdbc.sql("""
                            update booking set version = version + 1, updated_at = now()
                            where restaurant_id = :r and id = :b and status = 'CONFIRMED' and not pinned
                              and version = :version
                            """)
                    .param("r", restaurantId).param("b", id).param("version", before.version()).update();
            if (deleted != before.tableIds().size() || updated != 1) {
                throw new Retries.ConcurrentChange("booking " + id + " changed meanwhile");
            }
            moved.add(new ConfirmedBooking.Moved(id, entry.getValue().tableIds()));
        }
        // Inserts after all deletions, so parties that trade tables do not meet the exclusion constraint.
        for (Map.Entry<String, Placed> entry : changed.entrySet()) {
            String id = entry.getKey();
            LoadedDay.LoadedBooking before = loaded.bookings().get(id);
            boolean unchanged = before != null && !own.contains(id) && entry.getValue().seatingId().equals(before.seatingId());
            if (!unchanged && (own.contains(id) || before != null)) {
                for (String tableId : entry.getValue().tableIds()) {
                    bookings.insertAssignment(restaurantId, id, tableId, entry.getValue().seatingId());
                }
            }
        }
        return List.copyOf(moved);
    }

    private List<String> ordered(Seating seating) {
        return plan.tables().stream().map(FloorPlan.Table::id).filter(seating.getTableIds()::contains).toList();
    }
}
