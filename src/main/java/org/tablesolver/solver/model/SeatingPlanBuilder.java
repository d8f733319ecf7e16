package org.tablesolver.solver.model;

import org.tablesolver.solver.SolveMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link DayInput} into a {@link SeatingPlan}: precomputes the seatings (tables and combinations),
 * which seatings share tables, and each booking's fitting seatings. Everything is built in a fixed order
 * (input order for the floor plan, start then id for bookings), so the same input always gives the same
 * problem and, with a deterministic configuration, the same plan.
 */
public final class SeatingPlanBuilder {

    public static final String ADHOC_PREFIX = "as-assigned:";

    private static final Comparator<Seating> SMALLEST_SINGLE_TABLE_FIRST = Comparator
            .comparingInt(Seating::getMaxCapacity)
            .thenComparing(Seating::isCombination)
            .thenComparing(Seating::getId);

    private SeatingPlanBuilder() {
    }

    public static SeatingPlan build(DayInput input, SolveMode mode) {
        Instant origin = input.date().atStartOfDay(input.timeZone()).toInstant();

        Map<String, Integer> tableIndexById = new LinkedHashMap<>();
        for (DayInput.Table table : input.tables()) {
            if (tableIndexById.putIfAbsent(table.id(), tableIndexById.size()) != null) {
                throw new IllegalArgumentException("Duplicate table id " + table.id());
            }
        }
        List<DayInput.Booking> bookings = input.bookings().stream()
                .sorted(Comparator.comparing(DayInput.Booking::start).thenComparing(DayInput.Booking::id))
                .toList();

        // Seatings as specs first: clusters need every seating's tables before any Seating exists.
        List<SeatingSpec> specs = new ArrayList<>();
        Set<String> seatingIds = new HashSet<>();
        for (DayInput.Table table : input.tables()) {
            specs.add(new SeatingSpec(table.id(), List.of(table.id()), table.minCapacity(), table.maxCapacity(), false));
            seatingIds.add(table.id());
        }
        for (DayInput.Combination combination : input.combinations()) {
            if (!seatingIds.add(combination.id())) {
                throw new IllegalArgumentException("Duplicate table or combination id " + combination.id());
            }
            specs.add(new SeatingSpec(combination.id(), combination.tableIds(), combination.minCapacity(),
                    combination.maxCapacity(), true));
        }
        Map<String, SeatingSpec> specById = new LinkedHashMap<>();
        specs.forEach(spec -> specById.put(spec.id, spec));
        // A confirmed booking whose tables no longer form a seating of the floor plan keeps them as they are.
        Map<String, String> asAssignedSeatingByBooking = new LinkedHashMap<>();
        for (DayInput.Booking booking : bookings) {
            if (booking.state() == BookingState.PENDING || booking.tableIds().isEmpty()) {
                continue;
            }
            SeatingSpec current = booking.seatingId() == null ? null : specById.get(booking.seatingId());
            if (current == null || !new HashSet<>(current.tableIds).equals(new HashSet<>(booking.tableIds()))) {
                String id = ADHOC_PREFIX + String.join("+", booking.tableIds().stream().sorted().toList());
                if (!specById.containsKey(id)) {
                    SeatingSpec spec = new SeatingSpec(id, booking.tableIds(), 1, booking.partySize(), true);
                    specs.add(spec);
                    specById.put(id, spec);
                }
                asAssignedSeatingByBooking.put(booking.id(), id);
            }
        }

        int[] clusterOfTable = clusters(tableIndexById, specs);
        Map<String, DayInput.Table> tableById = new LinkedHashMap<>();
        input.tables().forEach(table -> tableById.put(table.id(), table));
        List<Seating> seatings = new ArrayList<>(specs.size());
        for (SeatingSpec spec : specs) {
            int[] tableIndexes = spec.tableIds.stream().mapToInt(id -> tableIndex(tableIndexById, id)).toArray();
            String zone = tableById.get(spec.tableIds.get(0)).zoneId();
            boolean inService = true;
            for (String tableId : spec.tableIds) {
                DayInput.Table table = tableById.get(tableId);
                inService &= table.inService();
                if (zone != null && !zone.equals(table.zoneId())) {
                    zone = null;
                }
            }
            seatings.add(new Seating(spec.id, seatings.size(), spec.tableIds, tableIndexes, spec.minCapacity,
                    spec.maxCapacity, zone, spec.combination, inService, clusterOfTable[tableIndexes[0]]));
        }
        markSharedTables(seatings);
        Map<String, Seating> seatingById = new LinkedHashMap<>();
        seatings.forEach(seating -> seatingById.put(seating.getId(), seating));

        List<Seating> bySize = seatings.stream()
                .filter(seating -> !seating.getId().startsWith(ADHOC_PREFIX))
                .sorted(SMALLEST_SINGLE_TABLE_FIRST)
                .toList();
        List<PlannedBooking> plannedBookings = new ArrayList<>(bookings.size());
        Set<String> bookingIds = new HashSet<>();
        for (DayInput.Booking booking : bookings) {
            if (!bookingIds.add(booking.id())) {
                throw new IllegalArgumentException("Duplicate booking id " + booking.id());
            }
            int start = minutesFrom(origin, booking.start());
            int end = start + booking.durationMinutes() + input.turnoverBufferMinutes();
            Seating original = null;
            if (booking.state() != BookingState.PENDING) {
                String seatingId = asAssignedSeatingByBooking.getOrDefault(booking.id(), booking.seatingId());
                original = seatingId == null ? null : seatingById.get(seatingId);
            }
            List<Seating> fitting = new ArrayList<>();
            for (Seating seating : bySize) {
                if (seating.isInService() && seating.fits(booking.partySize())
                        && (booking.requiredZone() == null || seating.isInZone(booking.requiredZone()))) {
                    fitting.add(seating);
                }
            }
            if (original != null && !fitting.contains(original)) {
                fitting.add(original);
            }
            boolean confirmedOrSeated = booking.state() != BookingState.PENDING;
            boolean pinned = original != null && (booking.state() == BookingState.SEATED
                    || mode == SolveMode.PENDING_ONLY || booking.pinned());
            PlannedBooking planned = new PlannedBooking(booking.id(), start, booking.durationMinutes(), end,
                    booking.partySize(), booking.priority(), booking.preferredZone(), booking.requiredZone(),
                    booking.state(), original, confirmedOrSeated, pinned, fitting);
            planned.setCapacityHold(booking.capacityHold());
            planned.setPosition(plannedBookings.size());
            plannedBookings.add(planned);
        }
        if (input.pacing() != null) {
            assignPacingSlots(plannedBookings, input.pacing());
        }

        List<TableBlock> blocks = new ArrayList<>(input.holds().size());
        for (DayInput.Hold hold : input.holds()) {
            int tableIndex = tableIndex(tableIndexById, hold.tableId());
            int start = minutesFrom(origin, hold.start());
            int end = (int) -Math.floorDiv(-Duration.between(origin, hold.end()).getSeconds(), 60);
            blocks.add(new TableBlock(hold.id(), hold.tableId(), tableIndex, clusterOfTable[tableIndex], start, end,
                    hold.reference()));
        }

        return new SeatingPlan(input.restaurantId(), input.date(), input.timeZone(), origin, mode,
                input.turnoverBufferMinutes(), List.copyOf(seatings), List.copyOf(blocks), List.copyOf(plannedBookings));
    }

    /**
     * Each booking's pacing slot. A slot allows the limit, or more where the bookings that must stay seated
     * (confirmed, seated, held) already start more guests in it: pacing then keeps PENDING bookings out of
     * that slot instead of making the day infeasible.
     */
    private static void assignPacingSlots(List<PlannedBooking> bookings, DayInput.Pacing pacing) {
        Map<Integer, Integer> fixedCovers = new LinkedHashMap<>();
        for (PlannedBooking booking : bookings) {
            if (booking.isMustStaySeated() || booking.isPinned()) {
                fixedCovers.merge(pacingIndex(booking.getStart(), pacing), booking.getPartySize(), Integer::sum);
            }
        }
        for (PlannedBooking booking : bookings) {
            int index = pacingIndex(booking.getStart(), pacing);
            booking.setPacingSlot(new PlannedBooking.PacingSlot(index,
                    Math.max(pacing.maxCoversPerSlot(), fixedCovers.getOrDefault(index, 0))));
        }
    }

    /** The pacing slot of a booking of {@code day} (which has pacing) that starts at {@code start}. */
    public static int pacingIndex(Instant start, DayInput day) {
        Instant origin = day.date().atStartOfDay(day.timeZone()).toInstant();
        return pacingIndex(minutesFrom(origin, start), day.pacing());
    }

    /** The pacing slot of a start (minutes from the service date's local midnight). */
    public static int pacingIndex(int startMinute, DayInput.Pacing pacing) {
        return Math.floorDiv(startMinute, pacing.slotMinutes());
    }

    private static int minutesFrom(Instant origin, Instant instant) {
        return (int) Math.floorDiv(Duration.between(origin, instant).getSeconds(), 60);
    }

    private static int tableIndex(Map<String, Integer> tableIndexById, String tableId) {
        Integer index = tableIndexById.get(tableId);
        if (index == null) {
            throw new IllegalArgumentException("Unknown table id " + tableId);
        }
        return index;
    }

    /** Union-find over tables: tables that appear together in any seating end up in one cluster. */
    private static int[] clusters(Map<String, Integer> tableIndexById, List<SeatingSpec> specs) {
        int[] parent = new int[tableIndexById.size()];
        Arrays.setAll(parent, i -> i);
        for (SeatingSpec spec : specs) {
            int first = root(parent, tableIndex(tableIndexById, spec.tableIds.get(0)));
            for (String tableId : spec.tableIds) {
                int other = root(parent, tableIndex(tableIndexById, tableId));
                parent[Math.max(first, other)] = Math.min(first, other);
                first = Math.min(first, other);
            }
        }
        int[] cluster = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            cluster[i] = root(parent, i);
        }
        return cluster;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Marks every pair of seatings that share a physical table, through an index of the seatings on each table:
     * the work grows with the pairs that really share a table, not with the square of a cluster (a room of
     * combinations chained table to table is one cluster).
     */
    private static void markSharedTables(List<Seating> seatings) {
        Map<Integer, List<Seating>> byTable = new LinkedHashMap<>();
        for (Seating seating : seatings) {
            for (int table : seating.tableIndexArray()) {
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(seating);
            }
        }
        for (List<Seating> onTable : byTable.values()) {
            for (Seating a : onTable) {
                for (Seating b : onTable) {
                    a.markSharesTableWith(b);
                }
            }
        }
    }

    private record SeatingSpec(String id, List<String> tableIds, int minCapacity, int maxCapacity, boolean combination) {
        SeatingSpec {
            if (tableIds.isEmpty()) {
                throw new IllegalArgumentException("Seating " + id + " has no tables");
            }
            tableIds = List.copyOf(tableIds);
        }
    }
}
