package org.tablesolver.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The key a request was authenticated with: its id (the principal's name; never its secret), its scopes
 * ({@code admin} holds them all) and its restaurants (null = every restaurant).
 */
record ApiKeyPrincipal(String keyId, Set<Scope> scopes, List<String> restaurants)
        implements OAuth2AuthenticatedPrincipal {

    static ApiKeyPrincipal of(ApiKey key) {
        return new ApiKeyPrincipal(key.id(), EnumSet.copyOf(key.scopes()), key.restaurants());
    }

    static ApiKeyPrincipal admin(String keyId) {
        return new ApiKeyPrincipal(keyId, EnumSet.of(Scope.ADMIN), null);
    }

    boolean has(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    boolean allowsRestaurant(String restaurantId) {
        return restaurants == null || restaurants.contains(restaurantId);
    }

    @Override
    public String getName() {
        return keyId;
    }

    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("key_id", keyId);
        attributes.put("restaurants", restaurants);
        return attributes;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return (scopes.contains(Scope.ADMIN) ? EnumSet.allOf(Scope.class) : scopes).stream()
                .map(scope -> new SimpleGrantedAuthority(scope.authority()))
                .toList();
    }
}
