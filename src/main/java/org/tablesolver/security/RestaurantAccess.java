package org.tablesolver.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tablesolver.web.ForbiddenException;

/**
 * Which restaurants the current request's key may see, for the places where the restaurant is not in the
 * path (a solve by its id, lists). Requests without a key (the CLI, tests of services) see every restaurant.
 */
public final class RestaurantAccess {

    private RestaurantAccess() {
    }

    /** The restaurants the current key is limited to, or null when it may see every restaurant. */
    public static List<String> visibleRestaurants() {
        ApiKeyPrincipal key = currentKey();
        return key == null ? null : key.restaurants();
    }

    public static boolean allows(String restaurantId) {
        ApiKeyPrincipal key = currentKey();
        return key == null || key.allowsRestaurant(restaurantId);
    }

    /** 403 naming {@code field} when the current key may not see {@code restaurantId}. */
    public static void check(String restaurantId, String field) {
        if (!allows(restaurantId)) {
            throw new ForbiddenException(field, "This API key is not allowed restaurant '" + restaurantId + "'.");
        }
    }

    private static ApiKeyPrincipal currentKey() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal key ? key : null;
    }
}
