package org.tablesolver.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * Readies the exact check's native solvers once the server has started, on a thread of its own: the first GLOP
 * relaxation and the first CP-SAT model of a JVM cost a few hundred milliseconds each (libraries and their
 * classes loaded and initialised), which would otherwise fall on the first guest whose slot needs a proof.
 */
@Component
class OnlineBookingWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineBookingWarmUp.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Thread thread = new Thread(() -> {
            long began = System.nanoTime();
            try {
                ExactSeating.Result result = exercise();
                LOG.info("Online booking's exact check ready ({} ms: GLOP and CP-SAT loaded; test model {})",
                        (System.nanoTime() - began) / 1_000_000, result.outcome());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Online booking's exact check could not warm up: {}", e.toString());
            }
        }, "online-booking-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A relaxation and a CP-SAT model of the smallest kind the check builds: a party of 2 on the table for 4, and a
     * party of 4 arriving during its stay (feasible by moving the first to the table for 2).
     */
    static ExactSeating.Result exercise() {
        Instant seven = LocalDate.of(2026, 1, 1).atTime(19, 0).toInstant(ZoneOffset.UTC);
        DayInput day = new DayInput("warm-up", LocalDate.of(2026, 1, 1), ZoneOffset.UTC, 0,
                List.of(new DayInput.Table("T1", "main", 1, 2, true), new DayInput.Table("T2", "main", 1, 4, true)),
                List.of(),
                List.of(new DayInput.Booking("a", seven, 90, 2, null, null, 0, BookingState.CONFIRMED, "T2",
                                List.of("T2")),
                        new DayInput.Booking("b", seven.plusSeconds(1800), 90, 4, null, null, 0,
                                BookingState.CONFIRMED, null, List.of())),
                List.of());
        SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.REOPTIMIZE);
        List<PlannedBooking> parties = plan.getBookings();
        Map<PlannedBooking, List<Seating>> domains = new IdentityHashMap<>();
        Map<PlannedBooking, Seating> current = new IdentityHashMap<>();
        for (PlannedBooking party : parties) {
            domains.put(party, party.getFittingSeatings());
            if (party.getSeating() != null) {
                current.put(party, party.getSeating());
            }
        }
        SeatedWeightBound.seatableWeight(plan.getSeatings(), parties, domains::get);
        PlannedBooking candidate = parties.stream().filter(p -> p.getId().equals("b")).findFirst().orElseThrow();
        return ExactSeating.solve(parties, domains, current, candidate, true, 1.0);
    }
}
