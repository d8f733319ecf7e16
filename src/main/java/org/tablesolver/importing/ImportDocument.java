package org.tablesolver.importing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.floorplan.FloorPlan;

/**
 * The body of {@code POST /api/import}, in one of two forms: a single restaurant
 * {@code {"restaurant": {...}, "bookings": [...]}} or several {@code {"restaurants": [{"restaurant": ...,
 * "bookings": ...}, ...]}} (the demo data's form). A top-level {@code "date"} is allowed and informational;
 * any other unknown property is refused, as in every request.
 */
@Schema(description = "Either restaurant + bookings, or restaurants: a list of {restaurant, bookings}")
public record ImportDocument(
        @Schema(description = "Floor plan with its id") @Valid FloorPlan restaurant,
        @Schema(description = "PENDING bookings to create (same rules as POST .../bookings)")
        List<@NotNull @Valid BookingRequest> bookings,
        @Schema(description = "Several restaurants at once, instead of restaurant + bookings")
        List<@NotNull @Valid Restaurant> restaurants,
        @Schema(description = "Optional and informational: the day the document is about (not used)",
                example = "2026-12-04") java.time.LocalDate date) {

    public ImportDocument(FloorPlan restaurant, List<BookingRequest> bookings, List<Restaurant> restaurants) {
        this(restaurant, bookings, restaurants, null);
    }

    /** One restaurant of the multi-restaurant form. */
    @Schema(name = "ImportRestaurant")
    public record Restaurant(
            @NotNull @Valid FloorPlan restaurant,
            List<@NotNull @Valid BookingRequest> bookings) {
    }

    /** A single-restaurant document. */
    public static ImportDocument of(FloorPlan restaurant, List<BookingRequest> bookings) {
        return new ImportDocument(restaurant, bookings, null);
    }
}
