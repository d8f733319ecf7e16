package org.tablesolver.floorplan;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tablesolver.web.Problems;

import static org.tablesolver.booking.LocalTimes.LATE_SERVICE_END;

/** The rules of a floor plan that Bean Validation cannot express, reported in document order. */
final class FloorPlanChecks {

    private FloorPlanChecks() {
    }

    static void check(FloorPlan plan, String prefix, Problems problems, Limits limits) {
        if (!problems.check(plan.tables().size() <= limits.maxTables(), Problems.path(prefix, "tables"),
                "at most " + limits.maxTables() + " tables per restaurant (tablesolver.limits.max-tables)")
                | !problems.check(plan.combinations() == null || plan.combinations().size() <= limits.maxCombinations(),
                Problems.path(prefix, "combinations"), "at most " + limits.maxCombinations()
                        + " combinations per restaurant (tablesolver.limits.max-combinations)")) {
            return;
        }
        if (plan.combinations() != null) {
            for (int i = 0; i < plan.combinations().size(); i++) {
                problems.check(plan.combinations().get(i).tables().size() <= limits.maxTablesPerCombination(),
                        Problems.path(prefix, "combinations[" + i + "].tables"), "at most "
                                + limits.maxTablesPerCombination() + " tables per combination "
                                + "(tablesolver.limits.max-tables-per-combination)");
            }
        }
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
        checkBookingRules(plan, prefix, problems);
    }

    static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static void checkBookingRules(FloorPlan plan, String prefix, Problems problems) {
        List<FloorPlan.ServicePeriod> periods = plan.servicePeriods() == null ? List.of() : plan.servicePeriods();
        Set<String> periodIds = new HashSet<>();
        // [first, last] arrival minutes from the day's midnight, per day name, to find overlaps
        Map<String, List<int[]>> byDay = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            FloorPlan.ServicePeriod period = periods.get(i);
            String at = Problems.path(prefix, "servicePeriods[" + i + "]");
            problems.check(periodIds.add(period.id()), at + ".id", "duplicate service period id '" + period.id() + "'");
            boolean timesOk = problems.check(period.firstArrival().getSecond() == 0 && period.firstArrival().getNano() == 0,
                    at + ".firstArrival", "must be a whole minute")
                    & problems.check(period.lastArrival().getSecond() == 0 && period.lastArrival().getNano() == 0,
                    at + ".lastArrival", "must be a whole minute");
            if (period.pastMidnight() && !period.lastArrival().isBefore(LATE_SERVICE_END)) {
                problems.add(at + ".lastArrival", "is before firstArrival (" + period.firstArrival()
                        + ") but not late service: a period may run past midnight only until "
                        + LATE_SERVICE_END);
                timesOk = false;
            }
            Set<String> days = new HashSet<>();
            for (int j = 0; j < period.days().size(); j++) {
                String day = period.days().get(j);
                if (!problems.check(DAY_NAMES.contains(day), at + ".days[" + j + "]",
                        "unknown day '" + day + "': one of " + String.join(", ", DAY_NAMES))) {
                    continue;
                }
                problems.check(days.add(day), at + ".days[" + j + "]", "day '" + day + "' is listed twice");
                if (!timesOk) {
                    continue;
                }
                int first = period.firstArrival().toSecondOfDay() / 60;
                int last = period.lastArrival().toSecondOfDay() / 60 + (period.pastMidnight() ? 24 * 60 : 0);
                List<int[]> taken = byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>());
                for (int[] other : taken) {
                    if (first <= other[1] && other[0] <= last) {
                        problems.add(at + ".days[" + j + "]", "overlaps service period '"
                                + periods.get(other[2]).id() + "' on " + day);
                        break;
                    }
                }
                taken.add(new int[] {first, last, i});
            }
        }
        List<FloorPlan.TurnTime> turnTimes = plan.turnTimes() == null ? List.of() : plan.turnTimes();
        for (int i = 1; i < turnTimes.size(); i++) {
            problems.check(turnTimes.get(i).maxPartySize() > turnTimes.get(i - 1).maxPartySize(),
                    Problems.path(prefix, "turnTimes[" + i + "].maxPartySize"),
                    "must be greater than the previous entry's (" + turnTimes.get(i - 1).maxPartySize()
                            + "): entries go by increasing party size");
        }
        if (plan.bookingSlotMinutes() != null) {
            problems.check(24 * 60 % plan.bookingSlotMinutes() == 0, Problems.path(prefix, "bookingSlotMinutes"),
                    "must divide a day (1440 minutes) evenly, e.g. 5, 10, 15, 20, 30 or 60");
        }
    }
}
