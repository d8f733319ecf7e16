package org.tablesolver.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.DayInput;

class DayGeneratorTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Test
    void aHallHasTheZonesItAsksFor() {
        DayInput hall = DayGenerator.generate("hall", DATE, ZONE, DayGenerator.Profile.RESTAURANT, 120, 6, 400, 1);
        Map<String, Integer> tablesByZone = new TreeMap<>();
        hall.tables().forEach(table -> tablesByZone.merge(table.zoneId(), 1, Integer::sum));
        assertThat(tablesByZone).hasSize(6).allSatisfy((zone, count) -> assertThat(count).isEqualTo(20));
        assertThat(hall.bookings()).hasSize(400);
        // combinations join neighbours of one zone only
        Map<String, String> zoneOf = new TreeMap<>();
        hall.tables().forEach(table -> zoneOf.put(table.id(), table.zoneId()));
        assertThat(hall.combinations()).isNotEmpty().allSatisfy(combination -> assertThat(combination.tableIds()
                .stream().map(zoneOf::get).distinct()).hasSize(1));
    }

    @Test
    void theOtherOverloadKeepsItsDays() {
        // a zone for every five tables, at most 12: the days the benchmark's tiers were measured on
        DayInput byDefault = DayGenerator.generate("m", DATE, ZONE, DayGenerator.Profile.RESTAURANT, 60, 240, 3001);
        DayInput given = DayGenerator.generate("m", DATE, ZONE, DayGenerator.Profile.RESTAURANT, 60, 12, 240, 3001);
        assertThat(given).isEqualTo(byDefault);
        assertThat(byDefault.tables().stream().map(DayInput.Table::zoneId).distinct()).hasSize(12);
    }

    @Test
    void aZoneCountOutsideOneToTheTablesIsRefused() {
        assertThatThrownBy(() -> DayGenerator.generate("x", DATE, ZONE, DayGenerator.Profile.RESTAURANT, 10, 0, 20, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoneCount");
        assertThatThrownBy(() -> DayGenerator.generate("x", DATE, ZONE, DayGenerator.Profile.RESTAURANT, 10, 11, 20, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoneCount");
    }
}
