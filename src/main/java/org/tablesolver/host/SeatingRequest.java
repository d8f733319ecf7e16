package org.tablesolver.host;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT .../bookings/{id}/seating}: where the host puts a party. */
public record SeatingRequest(
        @Schema(description = "A table or combination id", example = "T12") String seating,
        @Schema(description = "Optional: pin (true) or unpin (false) the booking there; default: as it is")
        Boolean pinned,
        @Schema(description = "Optional, default false: re-seat the bookings in the way elsewhere when that is "
                + "possible (else 409 naming them)") Boolean moveOthers) {

    boolean moveOthersOrDefault() {
        return moveOthers != null && moveOthers;
    }
}
