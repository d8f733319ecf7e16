package org.tablesolver.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.tablesolver.web.Problems;

/** Local restaurant times and the instants stored for them. */
public final class LocalTimes {

    /** Starts before this time on the day after the service date still belong to it (late service). */
    public static final LocalTime LATE_SERVICE_END = LocalTime.of(6, 0);

    private LocalTimes() {
    }

    /**
     * The instant of a local time in a zone. In the autumn overlap the earlier offset is used (as
     * {@link ZonedDateTime#of} does); a time in the spring gap does not exist and yields null.
     */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return null;
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    public static LocalDateTime toLocal(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime();
    }

    /** Checks a start time: whole minutes, existing in the zone; {@code date} may be null (holds). */
    public static void checkStart(LocalDate date, LocalDateTime start, ZoneId zone, String field, Problems problems) {
        if (start.getSecond() != 0 || start.getNano() != 0) {
            problems.add(field, "must be a whole minute");
        } else if (date != null && !start.toLocalDate().equals(date)
                && !(start.toLocalDate().equals(date.plusDays(1)) && start.toLocalTime().isBefore(LATE_SERVICE_END))) {
            problems.add(field, "must be on the service date " + date + " or before " + LATE_SERVICE_END
                    + " the next morning");
        } else if (toInstant(start, zone) == null) {
            problems.add(field, start + " does not exist in " + zone.getId() + " (clocks go forward)");
        }
    }
}
