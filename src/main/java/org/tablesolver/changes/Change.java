package org.tablesolver.changes;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tablesolver.booking.BookingStatus;

/**
 * One committed version of a booking, as the change feed shows it.
 *
 * @param seq    the restaurant's change number: increasing in commit order, without gaps
 * @param tables the booking's tables after the change, in floor-plan order
 * @param cause  what made the change
 * @param at     when it was committed
 */
@Schema(name = "BookingChange")
public record Change(long seq, String bookingId, long version, BookingStatus status, List<String> tables,
                     ChangeCause cause, Instant at) {
}
