package org.tablesolver.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.tablesolver.web.InvalidRequestException;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field") of a booking create
 * without a client id: the key names the booking ({@code idem-} and 32 hex digits of its SHA-256), so a retry of
 * the same request finds the booking the first one created (200), and the same key with other content is a 409,
 * as for a client id. A retry after an answer that was lost therefore never creates a second booking.
 */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    static String bookingId(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters (a UUID, say)");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return "idem-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
