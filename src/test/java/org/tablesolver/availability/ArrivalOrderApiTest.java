package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.importing.ImportedDays;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * A whole day confirmed on the spot over REST, in arrival order, on the real database: every refusal FULL is
 * proven infeasible by an independent CP-SAT model of the stored day plus the party, and every acceptance
 * leaves the stored day consistent (checked after the test by {@code DayInvariants}).
 */
@DatabaseTest
class ArrivalOrderApiTest extends SolvingTest {

    @Autowired
    DayLoader dayLoader;
    @Autowired
    FloorPlanService floorPlans;
    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @Test
    void everyRefusalOfAWholeDayIsProvenImpossible() {
        DayInput generated = SeatingCheckTest.generated(31, 8, 40);
        ObjectNode document = json.valueToTree(ImportedDays.toDocument(List.of(generated)));
        ObjectNode restaurant = (ObjectNode) document.path("restaurants").get(0);
        restaurant.putArray("bookings");
        assertThat(api.post("/api/import", document).status()).isEqualTo(200);
        String id = generated.restaurantId();
        int accepted = 0;
        int refused = 0;
        for (DayInput.Booking booking : generated.bookings().stream().sorted(Comparator.comparing(DayInput.Booking::id))
                .toList()) {
            LocalDateTime start = LocalDateTime.ofInstant(booking.start(), generated.timeZone());
            ObjectNode request = json.createObjectNode().put("id", booking.id()).put("date", generated.date().toString())
                    .put("start", start.toString() + (start.getSecond() == 0 ? ":00" : ""))
                    .put("durationMinutes", booking.durationMinutes()).put("partySize", booking.partySize())
                    .put("confirm", true);
            if (booking.requiredZone() != null) {
                request.put("requiredZone", booking.requiredZone());
            }
            Api.Response response = api.post("/api/restaurants/" + id + "/bookings", request);
            if (response.status() == 201) {
                accepted++;
                continue;
            }
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertThat(response.json().path("code").asText()).isIn("FULL", "NO_SEATING_FOR_PARTY_SIZE", "NO_SEATING_IN_ZONE");
            refused++;
            LoadedDay day = new TransactionTemplate(transactions).execute(status ->
                    dayLoader.readInTransaction(new DayKey(id, generated.date()), floorPlans.get(id)));
            List<DayInput.Booking> mustStay = new ArrayList<>(day.input().bookings().stream()
                    .filter(b -> b.state() != BookingState.PENDING).toList());
            mustStay.add(new DayInput.Booking("asked", booking.start(), booking.durationMinutes(), booking.partySize(),
                    null, booking.requiredZone(), 0, BookingState.CONFIRMED, null, List.of()));
            assertThat(WholeDayFeasibility.cpSat(SeatingPlanBuilder.build(day.input().withBookings(mustStay),
                    SolveMode.REOPTIMIZE))).as("refusal of %s is proven impossible", booking.id()).isFalse();
        }
        assertThat(accepted).isPositive();
        assertThat(refused).as("the day is overbooked").isPositive();
    }
}
