package org.tablesolver.web;

/**
 * Booking versions as HTTP entity tags: every booking answer carries {@code ETag: "<version>"}, and a change sent
 * with {@code If-Match} applies only to that version (412 otherwise).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for: null when there is no header or it is {@code *}; a weak tag
     * ({@code W/"3"}) counts as its version. Anything else is a 412: it cannot match a booking's tag.
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new PreconditionFailedException("If-Match must be a booking's ETag, such as \"3\" (got " + header
                + ").");
    }
}
