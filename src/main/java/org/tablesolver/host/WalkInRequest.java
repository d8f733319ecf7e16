package org.tablesolver.host;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST .../walk-ins}: a party at the door, to be seated now. */
public record WalkInRequest(
        @Schema(example = "4") Integer partySize,
        @Schema(description = "Optional where the restaurant's turnTimes give one", example = "75")
        Integer durationMinutes,
        @Schema(description = "Optional zone id: a must", example = "bar") String zone,
        @Schema(description = "Optional: the guest's name", example = "Grace") String guestName) {
}
