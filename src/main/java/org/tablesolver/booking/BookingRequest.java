package org.tablesolver.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tablesolver.floorplan.Ids;

/**
 * The body of {@code POST /api/restaurants/{id}/bookings} and one entry of an import's {@code "bookings"}.
 * A client {@code id} makes the call idempotent: the same id with the same content answers the stored
 * booking; the same id with other content is a 409.
 */
public record BookingRequest(
        @Schema(description = "Optional client id; the server assigns one when missing", example = "b-1001")
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Schema(description = "Service date", example = "2026-12-04") @NotNull LocalDate date,
        @Schema(type = "string", description = "Local date-time in the restaurant's zone, on the service date or "
                + "before 06:00 the next morning", example = "2026-12-04T19:30:00") @NotNull LocalDateTime start,
        @Schema(description = "Optional where the restaurant's turnTimes give one for the party size", example = "90")
        @Min(15) @Max(720) Integer durationMinutes,
        @Schema(example = "4") @NotNull @Min(1) @Max(100) Integer partySize,
        @Schema(description = "Optional zone id: a wish", example = "window") String preferredZone,
        @Schema(description = "Optional zone id: a must", example = "garden") String requiredZone,
        @Schema(description = "Optional, 0 to 1000, default 0; higher is seated first", example = "0")
        @Min(0) @Max(1000) Integer priority,
        @Schema(description = "Optional, default false: no solve, confirmation or hold ever moves a pinned booking "
                + "off its tables") Boolean pinned,
        @Schema(description = "Optional, default false: confirm now (201 CONFIRMED with tables, or 409 with the reason "
                + "and alternatives) instead of leaving a PENDING request") Boolean confirm,
        @Schema(description = "Optional: the capacity hold this booking takes over (with confirm: true)")
        String holdId,
        @Schema(description = "Optional: the guest's name, for the host (never logged)", example = "Ada Lovelace")
        @Size(min = 1, max = 200) String guestName,
        @Schema(description = "Optional notes for the host", example = "Window seat if possible")
        @Size(max = 2000) String notes,
        @Schema(description = "Optional: the booking system's own id of this booking", example = "OT-88213")
        @Size(min = 1, max = 200) String externalRef,
        @Schema(description = "Optional short labels (up to 20, each 1 to 50 characters)", example = "[\"birthday\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

    /** A PENDING request as the first release knew it (no pin, no confirmation, no hold). */
    public BookingRequest(String id, LocalDate date, LocalDateTime start, Integer durationMinutes, Integer partySize,
                          String preferredZone, String requiredZone, Integer priority) {
        this(id, date, start, durationMinutes, partySize, preferredZone, requiredZone, priority, null, null, null);
    }

    /** A request without guest fields. */
    public BookingRequest(String id, LocalDate date, LocalDateTime start, Integer durationMinutes, Integer partySize,
                          String preferredZone, String requiredZone, Integer priority, Boolean pinned, Boolean confirm,
                          String holdId) {
        this(id, date, start, durationMinutes, partySize, preferredZone, requiredZone, priority, pinned, confirm,
                holdId, null, null, null, null);
    }

    public List<String> tagsOrDefault() {
        return tags == null ? List.of() : tags;
    }

    public int priorityOrDefault() {
        return priority == null ? 0 : priority;
    }

    public boolean pinnedOrDefault() {
        return pinned != null && pinned;
    }

    public boolean confirmOrDefault() {
        return confirm != null && confirm;
    }

    /** The same request with the duration the restaurant's turn times give. */
    public BookingRequest withDuration(int minutes) {
        return new BookingRequest(id, date, start, minutes, partySize, preferredZone, requiredZone, priority, pinned,
                confirm, holdId, guestName, notes, externalRef, tags);
    }

    /** The same request with the id the server assigned. */
    public BookingRequest withId(String assigned) {
        return new BookingRequest(assigned, date, start, durationMinutes, partySize, preferredZone, requiredZone,
                priority, pinned, confirm, holdId, guestName, notes, externalRef, tags);
    }

    /** Same content as a stored booking (the idempotency rule). */
    public boolean sameContentAs(Booking booking) {
        return booking.date().equals(date) && booking.start().equals(start)
                && booking.durationMinutes() == durationMinutes && booking.partySize() == partySize
                && Objects.equals(booking.preferredZone(), preferredZone)
                && Objects.equals(booking.requiredZone(), requiredZone)
                && booking.priority() == priorityOrDefault() && booking.pinned() == pinnedOrDefault()
                && Objects.equals(booking.guestName(), guestName) && Objects.equals(booking.notes(), notes)
                && Objects.equals(booking.externalRef(), externalRef) && booking.tags().equals(tagsOrDefault());
    }
}
