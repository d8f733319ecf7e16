package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlineBookingWarmUpTest {

    @Test
    void theWarmUpModelIsSolvedByMovingTheFirstPartyToTheSmallTable() {
        ExactSeating.Result result = OnlineBookingWarmUp.exercise();
        assertThat(result.outcome()).isEqualTo(SeatingCheck.Outcome.FEASIBLE);
        result.seatings().forEach((party, seating) ->
                assertThat(seating.getId()).as(party.getId()).isEqualTo(party.getId().equals("a") ? "T1" : "T2"));
        assertThat(result.seatings()).hasSize(2);
    }
}
