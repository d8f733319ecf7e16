package org.tablesolver.security;

import java.time.Instant;
import java.util.List;

/**
 * An API key as {@code GET /api/keys} shows it: never its secret. {@code restaurants} null = every restaurant.
 */
public record ApiKey(String id, String name, List<Scope> scopes,
        @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "null: every restaurant") List<String> restaurants,
        Instant createdAt) {
}
