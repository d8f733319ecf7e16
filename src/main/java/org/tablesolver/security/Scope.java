package org.tablesolver.security;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an API key may do (src/docs/api.md "Authentication"). {@code admin} includes every other scope and every
 * restaurant.
 */
public enum Scope {
    /** GET of everything the key may see. */
    READ,
    /** Bookings: create, cancel, confirm, availability, holds. */
    BOOK,
    /** Seating by hand and the host's actions. */
    HOST,
    /** Solves: start, stop, list. */
    SOLVE,
    /** Floor plans, import, keys, all restaurants. */
    ADMIN;

    /** The name in JSON and in error messages: {@code read}, {@code book}, ... */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this scope ({@code SCOPE_book}). */
    public String authority() {
        return "SCOPE_" + label();
    }

    /** The scope of a label, or null when there is none. */
    @JsonCreator
    public static Scope of(String label) {
        for (Scope scope : values()) {
            if (scope.label().equals(label)) {
                return scope;
            }
        }
        return null;
    }
}
