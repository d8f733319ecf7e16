package org.tablesolver.floorplan;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tablesolver.web.Problems;

/** The rules of a floor plan that Bean Validation cannot express, reported in document order. */
final class FloorPlanChecks {

    private FloorPlanChecks() {
    }

    static void check(FloorPlan plan, String prefix, Problems problems) {
        problems.check(ZoneId.getAvailableZoneIds().contains(plan.timeZone()), Problems.path(prefix, "timeZone"),
                "'" + plan.timeZone() + "' is not an IANA time zone (e.g. Europe/London)");

        Set<String> zoneIds = new HashSet<>();
        for (int i = 0; i < plan.zones().size(); i++) {
            String id = plan.zones().get(i).id();
            problems.check(zoneIds.add(id), Problems.path(prefix, "zones[" + i + "].id"),
                    "duplicate zone id '" + id + "'");
        }

        Map<String, FloorPlan.Table> tables = new HashMap<>();
        for (int i = 0; i < plan.tables().size(); i++) {
            FloorPlan.Table table = plan.tables().get(i);
            String at = Problems.path(prefix, "tables[" + i + "]");
            problems.check(tables.putIfAbsent(table.id(), table) == null, at + ".id",
                    "duplicate table id '" + table.id() + "'");
            problems.check(zoneIds.contains(table.zone()), at + ".zone", "unknown zone '" + table.zone() + "'");
            problems.check(table.minCapacity() <= table.maxCapacity(), at + ".minCapacity",
                    "must not be greater than maxCapacity (" + table.maxCapacity() + ")");
        }

        List<FloorPlan.Combination> combinations = plan.combinations() == null ? List.of() : plan.combinations();
        Set<String> combinationIds = new HashSet<>();
        for (int i = 0; i < combinations.size(); i++) {
            FloorPlan.Combination combination = combinations.get(i);
            String at = Problems.path(prefix, "combinations[" + i + "]");
            if (problems.check(!tables.containsKey(combination.id()), at + ".id",
                    "'" + combination.id() + "' is already a table id (tables and combinations share their ids)")) {
                problems.check(combinationIds.add(combination.id()), at + ".id",
                        "duplicate combination id '" + combination.id() + "'");
            }
            Set<String> members = new HashSet<>();
            for (int j = 0; j < combination.tables().size(); j++) {
                String member = combination.tables().get(j);
                if (problems.check(tables.containsKey(member), at + ".tables[" + j + "]",
                        "unknown table '" + member + "'")) {
                    problems.check(members.add(member), at + ".tables[" + j + "]",
                            "table '" + member + "' is listed twice");
                }
            }
            problems.check(combination.minCapacity() <= combination.maxCapacity(), at + ".minCapacity",
                    "must not be greater than maxCapacity (" + combination.maxCapacity() + ")");
        }
    }
}
