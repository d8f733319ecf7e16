package org.tablesolver.availability;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.tablesolver.booking.Booking;

/**
 * A booking confirmed on the spot: the booking, and the other bookings whose tables changed to make room.
 *
 * @param created false when an idempotent repeat or an already confirmed booking was answered as stored
 */
public record ConfirmedBooking(@JsonUnwrapped Booking booking,
                               @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED,
                                       description = "Bookings moved to make room; absent where an answer is a plain booking (a PENDING creation)")
                               List<Moved> moved,
                               @com.fasterxml.jackson.annotation.JsonIgnore boolean created) {

    /** Another booking moved to other tables (its version went up by one). */
    public record Moved(String bookingId, List<String> tables) {
    }
}
