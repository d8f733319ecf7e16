package org.tablesolver.importing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an import did, per restaurant in document order. */
public record ImportResult(List<Restaurant> restaurants, int bookingsCreated, int bookingsUnchanged) {

    /**
     * @param created           the restaurant did not exist before (otherwise its floor plan was replaced)
     * @param bookingsUnchanged bookings whose id already existed with the same content
     */
    @Schema(name = "ImportedRestaurant")
    public record Restaurant(String restaurantId, boolean created, int bookingsCreated, int bookingsUnchanged) {
    }
}
