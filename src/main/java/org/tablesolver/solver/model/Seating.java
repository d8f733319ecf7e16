package org.tablesolver.solver.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A planning value: one table, or one combination of tables pushed together. A combination occupies
 * every member table, so two seatings clash when they share a physical table.
 * <p>
 * A problem fact: it never refers to a booking (references from facts to entities corrupt cloning).
 */
public final class Seating {

    private final String id;
    private final int index;
    private final List<String> tableIds;
    private final int[] tableIndexes;
    private final int minCapacity;
    private final int maxCapacity;
    private final String zoneId;
    private final boolean combination;
    private final boolean inService;
    private final int cluster;
    private final BitSet sharingSeatings = new BitSet();

    /**
     * @param zoneId the zone of every member table, or null when the members lie in different zones
     * @param cluster the group of tables linked by combinations this seating's tables belong to;
     *        seatings of different clusters never share a table
     */
    public Seating(String id, int index, List<String> tableIds, int[] tableIndexes, int minCapacity,
            int maxCapacity, String zoneId, boolean combination, boolean inService, int cluster) {
        this.id = id;
        this.index = index;
        this.tableIds = List.copyOf(tableIds);
        this.tableIndexes = tableIndexes.clone();
        Arrays.sort(this.tableIndexes);
        this.minCapacity = minCapacity;
        this.maxCapacity = maxCapacity;
        this.zoneId = zoneId;
        this.combination = combination;
        this.inService = inService;
        this.cluster = cluster;
    }

    /** Records that {@code other} shares at least one physical table with this seating. */
    void markSharesTableWith(Seating other) {
        sharingSeatings.set(other.index);
    }

    @PlanningId
    public String getId() {
        return id;
    }

    /** Position in {@link SeatingPlan#getSeatings()}. */
    public int getIndex() {
        return index;
    }

    public List<String> getTableIds() {
        return tableIds;
    }

    /** Indexes of the physical tables, sorted (a copy). */
    public int[] getTableIndexes() {
        return tableIndexes.clone();
    }

    /** The sorted physical table indexes themselves, for the hot paths of this package: never modify. */
    public int[] tableIndexArray() {
        return tableIndexes;
    }

    public int getMinCapacity() {
        return minCapacity;
    }

    public int getMaxCapacity() {
        return maxCapacity;
    }

    public String getZoneId() {
        return zoneId;
    }

    public boolean isCombination() {
        return combination;
    }

    public boolean isInService() {
        return inService;
    }

    public int getCluster() {
        return cluster;
    }

    public boolean fits(int partySize) {
        return minCapacity <= partySize && partySize <= maxCapacity;
    }

    public boolean isInZone(String zone) {
        return zone.equals(zoneId);
    }

    /** True when both seatings occupy at least one common physical table (a seating shares with itself). */
    public boolean sharesTableWith(Seating other) {
        return sharingSeatings.get(other.index);
    }

    public boolean usesTable(int tableIndex) {
        return Arrays.binarySearch(tableIndexes, tableIndex) >= 0;
    }

    @Override
    public String toString() {
        return id;
    }
}
