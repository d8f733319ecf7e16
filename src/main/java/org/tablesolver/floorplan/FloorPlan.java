package org.tablesolver.floorplan;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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
        @Schema(description = "Optional; missing means none") List<@NotNull @Valid Combination> combinations) {

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
                                c.minCapacity(), c.maxCapacity())).toList());
    }
}
