package org.tablesolver.availability;

import java.time.LocalDateTime;
import java.util.List;

import org.tablesolver.web.ConflictException;

/** 409: the party cannot be seated at that time; the problem carries {@code code} and {@code alternatives}. */
final class BookingRefusedException extends ConflictException {

    BookingRefusedException(String field, SlotJudge.Code code, String reason, List<LocalDateTime> alternatives) {
        super(field, reason);
        withProperty("code", code.name());
        withProperty("alternatives", alternatives.stream().map(LocalDateTime::toString).map(BookingRefusedException::seconds)
                .toList());
    }

    /** ISO local date-time with seconds, as every other time of the API. */
    private static String seconds(String iso) {
        return iso.length() == 16 ? iso + ":00" : iso;
    }
}
