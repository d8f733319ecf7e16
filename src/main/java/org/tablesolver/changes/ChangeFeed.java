package org.tablesolver.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.NotFoundException;

/**
 * The change feed of a restaurant's bookings. The database writes it (V4's deferred trigger: one row per
 * committed version of a booking, numbered at COMMIT under the restaurant's counter lock, so numbers follow
 * commit order); writers only {@link #declare} why they change bookings.
 */
@Service
public class ChangeFeed {

    static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;

    ChangeFeed(JdbcClient jdbc, FloorPlanService floorPlans) {
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
    }

    /**
     * Declares the cause of the booking changes the caller's transaction commits (those a status does not name:
     * CANCEL, SEAT, COMPLETE, NO_SHOW and CREATE are recognised by themselves).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void declare(ChangeCause cause) {
        jdbc.sql("select set_config('tablesolver.change_cause', :cause, true)").param("cause", cause.name())
                .query(String.class).single();
    }

    /** Changes after {@code after}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public ChangePage after(String restaurantId, long after, int limit) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        if (after < 0) {
            throw new InvalidRequestException("after", "must be 0 or a seq of this feed");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<Change> changes = jdbc.sql("""
                        select seq, booking_id, version, status, tables, cause, at
                        from booking_change
                        where restaurant_id = :r and seq > :after
                        order by seq
                        limit :limit
                        """)
                .param("r", restaurantId).param("after", after).param("limit", limit)
                .query(ChangeFeed::change)
                .list();
        return new ChangePage(changes, changes.isEmpty() ? after : changes.get(changes.size() - 1).seq());
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getLong("seq"), rs.getString("booking_id"), rs.getLong("version"),
                BookingStatus.valueOf(rs.getString("status")),
                List.copyOf(Arrays.asList((String[]) rs.getArray("tables").getArray())),
                ChangeCause.valueOf(rs.getString("cause")), rs.getObject("at", OffsetDateTime.class).toInstant());
    }
}
