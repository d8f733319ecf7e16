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
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;

/**
 * What one cell of a day's availability (a party at a start) can depend on: so a write recomputes only the cells it
 * can affect.
 * <p>
 * The exact check ({@link SeatingCheck}) decides a slot on the parties connected to the new one: movable parties
 * that overlap it, or a party connected to it, in time and could share a table with it. This class takes a closure
 * that contains that component (the tables a party could use are those of every seating its size and zone fit, and
 * its current seating's) and names, as sorted hashes, the component's parties by what they need (size, zone and
 * stay: not who they are or where they sit now, since the question is whether everyone can be seated at once; so a
 * capacity hold and the booking that takes it over are alike) and every fixed occupant (pinned or seated parties,
 * table holds, other dates' stays) that meets one of them on a table it could use. Nothing else of the day can
 * change the answer. The rules that need no search (service hours, pacing) are applied to every cell afresh.
 * <p>
 * Since a "no" stays a "no" when parties are added and a "yes" stays a "yes" when parties leave, a cell's answer is
 * also kept when its items only grew (FULL) or only shrank (available).
 */
final class CellFingerprints {

    /**
     * @param tables the tables it could use (movable) or holds (fixed)
     * @param now    the tables it holds now (empty for a capacity hold)
     * @param placed whether it holds a seating that fits it now (a capacity hold does not)
     */
    private record Item(String text, long hash, long exact, long start, long end, BitSet tables, boolean movable,
                        BitSet now, boolean placed) {
    }

    /**
     * A cell in one state: {@code identity} names the question (floor plan, date, party, start) and {@code items}
     * the sorted hashes of the parties and fixed occupants its answer can depend on (its component's closure, and
     * the fixed occupants that meet it). With the same identity, the same items give the same answer; more items
     * (parties added, nothing taken away) keep a FULL cell full, fewer keep an available one available. {@code exact}
     * names the same items with every field (ids and seatings too): the check's search on them is the same, so its
     * budget ends the same way (a NOT_PROVEN cell is kept only for it).
     */
    record Cell(String identity, long[] items, long exact, boolean free) {

        boolean sameItems(Cell other) {
            return java.util.Arrays.equals(items, other.items);
        }

        /** Whether every item of this cell is one of {@code other}'s. */
        boolean subsetOf(Cell other) {
            int j = 0;
            for (long item : items) {
                while (j < other.items.length && other.items[j] < item) {
                    j++;
                }
                if (j == other.items.length || other.items[j] != item) {
                    return false;
                }
                j++;
            }
            return true;
        }
    }

    private final FloorPlan plan;
    private final DayInput day;
    private final Map<String, Integer> tableIndex = new HashMap<>();
    private final Map<String, BitSet> fittingCache = new HashMap<>();
    private final Map<String, List<BitSet>> seatingCache = new HashMap<>();
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
            // A movable party takes part as what it needs, whoever it is and wherever it sits now: the answer is
            // whether everyone can be seated at once, so two parties of the same size, zone and stay are alike (a
            // capacity hold and the booking that takes it over, too). A fixed one takes part with its tables.
            String text = movable
                    ? "party " + booking.start() + " " + booking.durationMinutes() + " " + booking.partySize() + " "
                    + booking.requiredZone()
                    : "fixed " + booking.id() + " " + booking.start() + " " + booking.durationMinutes() + " "
                    + booking.partySize() + " " + booking.seatingId() + " " + booking.tableIds();
            BitSet now = tablesOf(booking.tableIds());
            items.add(new Item(text, hash(text), hash(booking.toString()), start,
                    start + booking.durationMinutes() + bufferMinutes, reach, movable, now,
                    !booking.capacityHold() && fits(booking)));
        }
        for (DayInput.Hold hold : day.holds()) {
            String text = "block " + hold;
            BitSet held = tablesOf(List.of(hold.tableId()));
            items.add(new Item(text, hash(text), hash(text), minute(hold.start()), minute(hold.end()), held, false,
                    held, true));
        }
        // The search reads the floor plan and the service date as a whole. The rules (service hours, pacing) are
        // applied to every cell before any answer is reused, so they are not part of it.
        this.common = plan + "|" + day.date() + "|" + day.timeZone();
    }

    /** The cell of {@code party} at {@code start} in this state. */
    Cell of(LocalDateTime start, SlotJudge.Party party) {
        String identity = digest(common + "|" + start + "|" + party);
        Instant instant = LocalTimes.toInstant(start, day.timeZone());
        if (instant == null) {
            return new Cell(identity, new long[0], 0, false);
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
        long[] hashes = new long[items.size()];
        int count = 0;
        long exact = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean relevant = member[i];
            for (int m = 0; !relevant && m < spans.size(); m++) {
                relevant = item.start() < spans.get(m)[1] && spans.get(m)[0] < item.end()
                        && item.tables().intersects(reaches.get(m));
            }
            if (relevant) {
                hashes[count++] = item.hash();
                exact += mix(item.exact(), 0);
            }
        }
        long[] relevant = java.util.Arrays.copyOf(hashes, count);
        java.util.Arrays.sort(relevant);
        // Alike parties count as many times as they are there: the n-th of a kind is an item of its own.
        long previous = 0;
        for (int i = 0, run = 0; i < relevant.length; i++) {
            long value = relevant[i];
            run = i > 0 && value == previous ? run + 1 : 0;
            previous = value;
            relevant[i] = mix(value, run);
        }
        java.util.Arrays.sort(relevant);
        boolean everyonePlaced = true;
        for (int i = 0; i < items.size() && everyonePlaced; i++) {
            everyonePlaced = !member[i] || items.get(i).placed();
        }
        return new Cell(identity, relevant, exact, everyonePlaced && freeSeating(from, to, party));
    }

    /**
     * Whether a seating that fits the party is free during {@code [from, to)} with everyone where they are now:
     * when every party connected to it holds a seating that fits it, that is the exact check's FREE "yes", found
     * without building the day's planning problem.
     */
    private boolean freeSeating(long from, long to, SlotJudge.Party party) {
        BitSet taken = new BitSet();
        for (Item item : items) {
            if (item.start() < to && from < item.end()) {
                taken.or(item.now());
            }
        }
        for (BitSet seating : seatings(party.partySize(), party.requiredZone())) {
            if (!seating.intersects(taken)) {
                return true;
            }
        }
        return false;
    }

    /** The tables of each seating in service that seats {@code size} in {@code zone} (null: any). */
    private List<BitSet> seatings(int size, String zone) {
        return seatingCache.computeIfAbsent(size + "/" + zone, k -> {
            List<BitSet> found = new ArrayList<>();
            for (FloorPlan.Table table : plan.tables()) {
                if (table.inServiceOrDefault() && table.minCapacity() <= size && size <= table.maxCapacity()
                        && (zone == null || zone.equals(table.zone()))) {
                    found.add(tablesOf(List.of(table.id())));
                }
            }
            for (FloorPlan.Combination combination : plan.combinations()) {
                if (combination.minCapacity() <= size && size <= combination.maxCapacity()
                        && combination.tables().stream().allMatch(id -> plan.table(id)
                        .map(t -> t.inServiceOrDefault() && (zone == null || zone.equals(t.zone()))).orElse(false))) {
                    found.add(tablesOf(combination.tables()));
                }
            }
            return found;
        });
    }

    /** Whether a party's current seating is a table or combination of the plan that seats it in its zone. */
    private boolean fits(DayInput.Booking booking) {
        if (booking.seatingId() == null) {
            return false;
        }
        int size = booking.partySize();
        String zone = booking.requiredZone();
        var table = plan.table(booking.seatingId());
        if (table.isPresent()) {
            return table.get().minCapacity() <= size && size <= table.get().maxCapacity()
                    && (zone == null || zone.equals(table.get().zone()));
        }
        return plan.combination(booking.seatingId()).map(c -> c.minCapacity() <= size && size <= c.maxCapacity()
                && c.tables().stream().allMatch(id -> plan.table(id).map(t -> zone == null || zone.equals(t.zone()))
                .orElse(false))).orElse(false);
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

    /** A 64-bit mix of an item's hash and its occurrence (SplitMix64's finaliser). */
    private static long mix(long hash, int occurrence) {
        long z = hash + 0x9E3779B97F4A7C15L * (occurrence + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long hash(String text) {
        byte[] digest = digestBytes(text);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (digest[i] & 0xff);
        }
        return value;
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    private static String digest(CharSequence text) {
        return HexFormat.of().formatHex(digestBytes(text));
    }

    private static byte[] digestBytes(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
