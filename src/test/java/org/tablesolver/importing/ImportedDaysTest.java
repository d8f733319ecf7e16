package org.tablesolver.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.model.DayInput;

class ImportedDaysTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void generatedDaysSurviveTheImportFormat() throws Exception {
        // London's clocks go back on 2026-10-25: local times must map back to the same instants.
        DayInput dinner = DayGenerator.generate("dinner-1", LocalDate.of(2026, 10, 25), ZoneId.of("Europe/London"),
                DayGenerator.Profile.RESTAURANT, 12, 40, 3);
        DayInput court = DayGenerator.generate("court-1", LocalDate.of(2026, 12, 4), ZoneId.of("America/New_York"),
                DayGenerator.Profile.FOOD_COURT, 30, 200, 4);

        String written = json.writeValueAsString(ImportedDays.toDocument(List.of(dinner, court)));
        List<DayInput> read = ImportedDays.of(json.readValue(written, ImportDocument.class));

        assertThat(read).containsExactly(dinner, court);
    }

    @Test
    void twoDaysOfOneRestaurantDoNotFitOneDocument() {
        DayInput day = DayGenerator.generate("r", LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                DayGenerator.Profile.DINNER_ONLY, 5, 10, 1);

        assertThatThrownBy(() -> ImportedDays.toDocument(List.of(day, day)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restaurant r");
    }
}
