package org.tablesolver.security;

import java.time.Instant;
import java.util.List;

/** The answer of {@code POST /api/keys}: the key and its {@code secret}, shown this once and never again. */
public record CreatedApiKey(String id, String name, List<Scope> scopes,
        @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "null: every restaurant") List<String> restaurants,
        Instant createdAt,
                            String secret) {

    static CreatedApiKey of(ApiKey key, String secret) {
        return new CreatedApiKey(key.id(), key.name(), key.scopes(), key.restaurants(), key.createdAt(), secret);
    }
}
