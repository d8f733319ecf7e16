package org.tablesolver.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Turns the bearer token of a request into its key: the admin key, or a row of {@code api_key} found by the
 * token's hash. Read on every request, so a revoked key is refused from the next request on.
 */
final class ApiKeyIntrospector implements OpaqueTokenIntrospector {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final AdminKey adminKey;
    private final ApiKeyService keys;

    ApiKeyIntrospector(AdminKey adminKey, ApiKeyService keys) {
        this.adminKey = adminKey;
        this.keys = keys;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new BadOpaqueTokenException("The API key is unknown or revoked.");
        }
        byte[] hash = Secrets.hash(token);
        if (adminKey.matches(hash)) {
            return ApiKeyPrincipal.admin(AdminKey.ID);
        }
        return keys.findBySecretHash(hash).map(ApiKeyPrincipal::of)
                .orElseThrow(() -> new BadOpaqueTokenException("The API key is unknown or revoked."));
    }
}
