package org.tablesolver.floorplan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.web.ConflictException;
import org.tablesolver.web.FieldProblem;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/**
 * Restaurants and their floor plans. The methods other features call: {@link #find} (the solve
 * pipeline loads a plan), {@link #lockForBookingWrite} (writers of bookings, holds and assignments)
 * and {@link #replace} (PUT and import).
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(Limits.class)
public class FloorPlanService {

    private final FloorPlanRepository repository;
    private final RequestValidator validator;
    private final Limits limits;

    FloorPlanService(FloorPlanRepository repository, RequestValidator validator, Limits limits) {
        this.repository = repository;
        this.validator = validator;
        this.limits = limits;
    }

    /** The size limits of the input. */
    public Limits limits() {
        return limits;
    }

    /** The restaurant's floor plan as stored, lists in the client's order; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<FloorPlan> find(String restaurantId) {
        return repository.load(restaurantId, "");
    }

    /** Like {@link #find} but a 404 {@link NotFoundException} for an unknown restaurant. */
    @Transactional(readOnly = true)
    public FloorPlan get(String restaurantId) {
        return find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
    }

    @Transactional(readOnly = true)
    public List<RestaurantSummary> list() {
        return repository.list();
    }

    /**
     * Takes a {@code FOR SHARE} lock on the restaurant row for the rest of the caller's transaction
     * (so its floor plan and time zone cannot change before it commits; writers of bookings do not
     * block each other) and returns the plan. 404 for an unknown restaurant.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public FloorPlan lockForBookingWrite(String restaurantId) {
        return repository.load(restaurantId, "for share").orElseThrow(() -> NotFoundException.restaurant(restaurantId));
    }

    /** Checks a plan without storing it; field paths start with {@code pathPrefix} (e.g. "restaurant"). */
    public void validate(FloorPlan plan, String pathPrefix) {
        validator.validate(plan, pathPrefix);
        Problems problems = new Problems();
        FloorPlanChecks.check(plan, pathPrefix, problems, limits);
        problems.throwIfAny();
    }

    public record Replaced(FloorPlan plan, boolean created) {
    }

    /** {@link #replace(String, FloorPlan, String)} with field paths relative to the plan. */
    @Transactional
    public Replaced replace(String restaurantId, FloorPlan plan) {
        return replace(restaurantId, plan, "");
    }

    /**
     * Creates the restaurant or replaces its floor plan, all or nothing. Refused with 400 for an invalid
     * plan, and with 409 when the time zone changes while the restaurant has bookings that are not
     * cancelled, or when a CONFIRMED or SEATED booking would be stranded: its seating (table or
     * combination) removed, with other member tables, out of service, or no longer fitting its party.
     */
    @Transactional
    public Replaced replace(String restaurantId, FloorPlan plan, String pathPrefix) {
        if (!Ids.isValid(restaurantId)) {
            throw new InvalidRequestException(pathPrefix.isEmpty() ? "restaurantId" : Problems.path(pathPrefix, "id"),
                    Ids.MESSAGE);
        }
        validate(plan, pathPrefix);
        if (plan.id() != null && !plan.id().equals(restaurantId)) {
            throw new InvalidRequestException(Problems.path(pathPrefix, "id"),
                    "'" + plan.id() + "' differs from the restaurant id '" + restaurantId + "' of the path");
        }
        FloorPlan next = plan.normalized(restaurantId);
        boolean created = repository.insertIfAbsent(restaurantId, next);
        FloorPlanRepository.RestaurantRow current = repository.findRestaurant(restaurantId, "for update")
                .orElseThrow(() -> new IllegalStateException("restaurant " + restaurantId + " vanished"));
        if (!created) {
            if (!current.timeZone().equals(next.timeZone()) && repository.countActiveBookings(restaurantId) > 0) {
                throw new ConflictException(Problems.path(pathPrefix, "timeZone"),
                        "The time zone cannot change from " + current.timeZone() + " to " + next.timeZone()
                                + " while the restaurant has bookings that are not cancelled: their stored times "
                                + "would change meaning.");
            }
            List<FieldProblem> stranded = stranded(next, pathPrefix).stream().map(Stranded::problem).toList();
            if (!stranded.isEmpty()) {
                throw new ConflictException("The new floor plan would strand " + stranded.size()
                        + " confirmed or seated booking(s); nothing was changed. " + stranded.get(0).message(),
                        stranded);
            }
        }
        repository.write(restaurantId, next);
        if (!created && current.turnoverBufferMinutes() != next.turnoverBufferMinutes()) {
            try {
                repository.reapplyTurnoverBuffer(restaurantId, next.turnoverBufferMinutes());
            } catch (DataIntegrityViolationException e) {
                throw new ConflictException(Problems.path(pathPrefix, "turnoverBufferMinutes"),
                        "A turnover buffer of " + next.turnoverBufferMinutes() + " minutes would make confirmed "
                                + "bookings overlap on a table; nothing was changed.");
            }
        }
        return new Replaced(repository.load(restaurantId, "").orElseThrow(), created);
    }

    /** A CONFIRMED or SEATED booking that a new plan would leave without its seating, and why. */
    public record Stranded(String bookingId, String status, FieldProblem problem) {
    }

    /** The bookings {@code plan} would strand (the restaurant must exist); read in the caller's transaction. */
    public List<Stranded> strandedBy(String restaurantId, FloorPlan plan) {
        return stranded(plan.normalized(restaurantId), "");
    }

    private List<Stranded> stranded(FloorPlan next, String prefix) {
        List<Stranded> problems = new ArrayList<>();
        for (FloorPlanRepository.SeatedBooking booking : repository.seatedBookings(next.id())) {
            String what = "Booking '" + booking.id() + "' (" + booking.status() + ", party of " + booking.partySize()
                    + ") is at '" + booking.seatingId() + "'";
            Optional<FloorPlan.Table> table = next.table(booking.seatingId());
            Optional<FloorPlan.Combination> combination = next.combination(booking.seatingId());
            if (table.isPresent()) {
                FloorPlan.Table t = table.get();
                String at = Problems.path(prefix, "tables[" + next.tables().indexOf(t) + "]");
                if (!booking.tables().equals(Set.of(t.id()))) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".id", what + ", which is no longer a single table.")));
                } else if (!t.inServiceOrDefault()) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".inService", what + ", which this plan takes out of service.")));
                } else if (booking.partySize() > t.maxCapacity()) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".maxCapacity", what + ", which would seat at most "
                            + t.maxCapacity() + ".")));
                } else if (booking.partySize() < t.minCapacity()) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".minCapacity", what + ", which would need at least "
                            + t.minCapacity() + ".")));
                }
            } else if (combination.isPresent()) {
                FloorPlan.Combination c = combination.get();
                String at = Problems.path(prefix, "combinations[" + next.combinations().indexOf(c) + "]");
                List<String> outOfService = c.tables().stream()
                        .filter(id -> next.table(id).map(x -> !x.inServiceOrDefault()).orElse(true))
                        .toList();
                if (!booking.tables().equals(new HashSet<>(c.tables()))) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".tables", what + ", whose member tables "
                            + booking.tables().stream().sorted().toList() + " this plan changes.")));
                } else if (!outOfService.isEmpty()) {
                    int index = next.tables().indexOf(next.table(outOfService.get(0)).orElseThrow());
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(Problems.path(prefix, "tables[" + index + "].inService"),
                            what + ", whose table '" + outOfService.get(0) + "' this plan takes out of service.")));
                } else if (booking.partySize() > c.maxCapacity()) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".maxCapacity", what + ", which would seat at most "
                            + c.maxCapacity() + ".")));
                } else if (booking.partySize() < c.minCapacity()) {
                    problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(at + ".minCapacity", what + ", which would need at least "
                            + c.minCapacity() + ".")));
                }
            } else {
                boolean wasTable = booking.tables().equals(Set.of(booking.seatingId()));
                problems.add(new Stranded(booking.id(), booking.status(), new FieldProblem(Problems.path(prefix, wasTable ? "tables" : "combinations"),
                        what + ", which this plan removes.")));
            }
        }
        return problems;
    }
}
