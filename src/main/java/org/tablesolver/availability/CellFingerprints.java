package org.tablesolver.availability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.BookingState;
import org.tablesolver.solver.DayInput;
import org.tablesolver.solver.SeatingPlanBuilder;

/**
 * What one cell of a day's availability (a party at a start) can depend on, as a digest: so a cell whose digest did
 * not change since the last state it was computed for keeps its answer, and a write recomputes only the cells it
 * can affect.
 * <p>
 * The exact check ({@link SeatingCheck}) decides a slot on the parties connected to the new one: movable parties
 * that overlap it, or a party connected to it, in time and could share a table with it. This class takes a closure
 * that contains that component (the tables a party could use are those of every seating its size and zone fit, and
 * its current seating's), and digests the component's parties, every fixed occupant (pinned or seated parties,
 * table holds, other dates' stays) that overlaps one of them on a table it could use, the guests who start in the
 * new party's pacing slot, and the question itself. Everything else of the day cannot change the answer.
 */
final class CellFingerprints {

    private record Item(String text, long start, long end, BitSet tables, boolean movable) {
    }

    private final FloorPlan plan;
    private final DayInput day;
    private final Map<String, Integer> tableIndex = new HashMap<>();
    private final Map<String, BitSet> fittingCache = new HashMap<>();
    private final List<Item> items = new ArrayList<>();
    private final long bufferMinutes;
    private final String common;

    /** @param loaded the day as {@link SlotJudge} sees it: PENDING bookings are not parties */
    CellFingerprints(FloorPlan plan, LoadedDay loaded) {
        this.plan = plan;
        this.day = loaded.input();
        this.bufferMinutes = plan.turnoverBufferMinutes();
        List<FloorPlan.Table> tables = plan.tables();
        for (int i = 0; i < tables.size(); i++) {
            tableIndex.put(tables.get(i).id(), i);
        }
        for (DayInput.Booking booking : day.bookings()) {
            if (booking.state() == BookingState.PENDING) {
                continue;
            }
            boolean movable = booking.state() == BookingState.CONFIRMED && !booking.pinned();
            BitSet reach = tablesOf(booking.tableIds());
            if (movable) {
                reach.or(fitting(booking.partySize(), booking.requiredZone()));
            }
            long start = minute(booking.start());
            items.add(new Item(booking.toString(), start, start + booking.durationMinutes() + bufferMinutes, reach,
                    movable));
        }
        for (DayInput.Hold hold : day.holds()) {
            items.add(new Item(hold.toString(), minute(hold.start()), minute(hold.end()),
                    tablesOf(List.of(hold.tableId())), false));
        }
        // The rules and the search read the floor plan and the service date as a whole.
        this.common = plan + "|" + day.date() + "|" + day.timeZone() + "|" + day.pacing();
    }

    /** The digest of everything the answer for {@code party} at {@code start} can depend on. */
    String of(LocalDateTime start, SlotJudge.Party party) {
        Instant instant = LocalTimes.toInstant(start, day.timeZone());
        StringBuilder text = new StringBuilder(common).append('|').append(start).append('|').append(party);
        if (instant == null) {
            return digest(text);
        }
        long from = minute(instant);
        long to = from + party.durationMinutes() + bufferMinutes;
        BitSet reach = fitting(party.partySize(), party.requiredZone());
        List<long[]> spans = new ArrayList<>();
        List<BitSet> reaches = new ArrayList<>();
        spans.add(new long[] {from, to});
        reaches.add(reach);
        boolean[] member = new boolean[items.size()];
        for (int m = 0; m < spans.size(); m++) {
            long[] span = spans.get(m);
            BitSet tables = reaches.get(m);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (!member[i] && item.movable() && item.start() < span[1] && span[0] < item.end()
                        && item.tables().intersects(tables)) {
                    member[i] = true;
                    spans.add(new long[] {item.start(), item.end()});
                    reaches.add(item.tables());
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean relevant = member[i];
            for (int m = 0; !relevant && m < spans.size(); m++) {
                relevant = item.start() < spans.get(m)[1] && spans.get(m)[0] < item.end()
                        && item.tables().intersects(reaches.get(m));
            }
            if (relevant) {
                text.append('\n').append(item.text());
            }
        }
        if (day.pacing() != null) {
            int slot = SeatingPlanBuilder.pacingIndex(instant, day);
            for (DayInput.Booking booking : day.bookings()) {
                if (booking.state() != BookingState.PENDING && SeatingPlanBuilder.pacingIndex(booking.start(), day) == slot) {
                    text.append("\npacing ").append(booking.id()).append(' ').append(booking.partySize());
                }
            }
        }
        return digest(text);
    }

    /** The tables of every seating (table or combination) that seats {@code size} in {@code zone} (null: any). */
    private BitSet fitting(int size, String zone) {
        return (BitSet) fittingCache.computeIfAbsent(size + "/" + zone, k -> {
            BitSet tables = new BitSet();
            for (FloorPlan.Table table : plan.tables()) {
                if (table.minCapacity() <= size && size <= table.maxCapacity()
                        && (zone == null || zone.equals(table.zone()))) {
                    tables.set(tableIndex.get(table.id()));
                }
            }
            for (FloorPlan.Combination combination : plan.combinations()) {
                if (combination.minCapacity() <= size && size <= combination.maxCapacity()
                        && (zone == null || combination.tables().stream().allMatch(id ->
                        plan.table(id).map(t -> zone.equals(t.zone())).orElse(false)))) {
                    tables.or(tablesOf(combination.tables()));
                }
            }
            return tables;
        }).clone();
    }

    private BitSet tablesOf(List<String> ids) {
        BitSet tables = new BitSet();
        for (String id : ids) {
            Integer index = tableIndex.get(id);
            // a table no longer in the floor plan: a bit of its own past every table, shared by every such id
            tables.set(index != null ? index : tableIndex.size());
        }
        return tables;
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    private static String digest(CharSequence text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
