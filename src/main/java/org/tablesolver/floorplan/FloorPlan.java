package org.tablesolver.floorplan;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A restaurant's floor plan: the body of {@code PUT /api/restaurants/{id}}, the answer of GET, the
 * {@code "restaurant"} of an import, and what the solve pipeline loads ({@link FloorPlanService#find}).
 * Lists keep the client's order. Ids are unique within the restaurant; a combination id may not
 * equal a table id (tables and combinations are both "seatings", keyed by id).
 */
@Schema(description = "A restaurant's floor plan")
public record FloorPlan(
        @Schema(description = "Restaurant id (path variable of PUT; required in an import)", example = "pub-1")
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Schema(example = "The Red Lion") @NotBlank @Size(max = 200) String name,
        @Schema(description = "IANA time zone of the restaurant", example = "Europe/London") @NotBlank String timeZone,
        @Schema(description = "Minutes to clear and reset a table between two parties", example = "10")
        @NotNull @Min(0) @Max(240) Integer turnoverBufferMinutes,
        @NotEmpty List<@NotNull @Valid Zone> zones,
        @NotEmpty List<@NotNull @Valid Table> tables,
        @Schema(nullable = true, description = "Optional; missing means none") List<@NotNull @Valid Combination> combinations,
        @Schema(nullable = true, description = "Optional: when guests may arrive, by day of the week; missing means any time")
        List<@NotNull @Valid ServicePeriod> servicePeriods,
        @Schema(nullable = true, description = "Optional: the duration of a booking that gives none, by party size (the first entry "
                + "whose maxPartySize is at least the party)")
        List<@NotNull @Valid TurnTime> turnTimes,
        @Schema(description = "Optional, default 15: the grid of start times availability offers, and the pacing slot",
                example = "15")
        @Min(5) @Max(120) Integer bookingSlotMinutes,
        @Schema(nullable = true, description = "Optional: the kitchen's limit on guests starting within one slot") @Valid Pacing pacing) {

    public static final int DEFAULT_SLOT_MINUTES = 15;

    /** A floor plan without booking rules. */
    public FloorPlan(String id, String name, String timeZone, Integer turnoverBufferMinutes, List<Zone> zones,
                     List<Table> tables, List<Combination> combinations) {
        this(id, name, timeZone, turnoverBufferMinutes, zones, tables, combinations, null, null, null, null);
    }

    /** An area of the room: bar, lounge, garden, window, private... */
    public record Zone(
            @Schema(example = "bar") @NotBlank @Size(max = 64) String id,
            @Schema(example = "Bar") @NotBlank @Size(max = 200) String name) {
    }

    /** A physical table. */
    public record Table(
            @Schema(example = "T1") @NotBlank @Size(max = 64) String id,
            @Schema(description = "Zone id", example = "bar") @NotBlank String zone,
            @Schema(example = "1") @NotNull @Min(1) @Max(1000) Integer minCapacity,
            @Schema(example = "2") @NotNull @Min(1) @Max(1000) Integer maxCapacity,
            @Schema(description = "Optional, default true; an out-of-service table seats nobody")
            Boolean inService) {

        /** Null (not given) counts as in service. */
        public boolean inServiceOrDefault() {
            return inService == null || inService;
        }
    }

    /** Neighbouring tables pushed together for a larger party; it occupies every member table. */
    public record Combination(
            @Schema(example = "C1") @NotBlank @Size(max = 64) String id,
            @Schema(description = "Ids of two or more member tables", example = "[\"T1\", \"T2\"]")
            @NotNull @Size(min = 2, message = "must list at least 2 tables") List<@NotBlank String> tables,
            @Schema(example = "3") @NotNull @Min(1) @Max(1000) Integer minCapacity,
            @Schema(example = "4") @NotNull @Min(1) @Max(1000) Integer maxCapacity) {
    }

    /**
     * When guests may arrive on the listed days: every start from {@code firstArrival} to {@code lastArrival}
     * inclusive. A {@code lastArrival} before {@code firstArrival} runs past midnight into late service (it must
     * then be before 06:00).
     */
    public record ServicePeriod(
            @Schema(example = "dinner") @NotBlank @Size(max = 64) String id,
            @io.swagger.v3.oas.annotations.media.ArraySchema(
                    schema = @Schema(allowableValues = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}),
                    arraySchema = @Schema(description = "MON, TUE, WED, THU, FRI, SAT, SUN", example = "[\"FRI\", \"SAT\"]"))
            @NotEmpty List<@NotNull String> days,
            @Schema(type = "string", example = "18:00") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime firstArrival,
            @Schema(type = "string", example = "22:00") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime lastArrival) {

        /** True when the period runs past midnight. */
        public boolean pastMidnight() {
            return lastArrival.isBefore(firstArrival);
        }
    }

    /** Bookings of up to {@code maxPartySize} guests last {@code minutes} unless they give a duration. */
    public record TurnTime(
            @Schema(example = "4") @NotNull @Min(1) @Max(100) Integer maxPartySize,
            @Schema(example = "90") @NotNull @Min(15) @Max(720) Integer minutes) {
    }

    /** At most {@code maxCoversPerSlot} guests of confirmed, seated and held parties start within one slot. */
    public record Pacing(@Schema(example = "24") @NotNull @Min(1) @Max(10000) Integer maxCoversPerSlot) {
    }

    /** The slot length in minutes (default 15). */
    public int slotMinutes() {
        return bookingSlotMinutes == null ? DEFAULT_SLOT_MINUTES : bookingSlotMinutes;
    }

    /** The turn time for a party, if an entry covers it. */
    public Optional<Integer> turnTime(int partySize) {
        if (turnTimes == null) {
            return Optional.empty();
        }
        return turnTimes.stream().filter(t -> t.maxPartySize() >= partySize).map(TurnTime::minutes).findFirst();
    }

    /** The pacing limit, if one is set. */
    public Optional<Integer> maxCoversPerSlot() {
        return pacing == null ? Optional.empty() : Optional.of(pacing.maxCoversPerSlot());
    }

    /** The restaurant's time zone as a {@link ZoneId}. */
    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    public Optional<Table> table(String tableId) {
        return tables.stream().filter(t -> t.id().equals(tableId)).findFirst();
    }

    public Optional<Combination> combination(String combinationId) {
        return combinations.stream().filter(c -> c.id().equals(combinationId)).findFirst();
    }

    public boolean hasZone(String zoneId) {
        return zones.stream().anyMatch(z -> z.id().equals(zoneId));
    }

    /** The stored form: the given id, no null lists, {@code inService} explicit. */
    FloorPlan normalized(String restaurantId) {
        return new FloorPlan(restaurantId, name, timeZone, turnoverBufferMinutes, List.copyOf(zones),
                tables.stream().map(t -> new Table(t.id(), t.zone(), t.minCapacity(), t.maxCapacity(), t.inServiceOrDefault()))
                        .toList(),
                combinations == null ? List.of()
                        : combinations.stream().map(c -> new Combination(c.id(), List.copyOf(c.tables()),
                                c.minCapacity(), c.maxCapacity())).toList(),
                servicePeriods == null ? List.of() : servicePeriods.stream().map(p -> new ServicePeriod(p.id(),
                        List.copyOf(p.days()), p.firstArrival(), p.lastArrival())).toList(),
                turnTimes == null ? List.of() : List.copyOf(turnTimes),
                slotMinutes(), pacing);
    }
}
