package org.tablesolver.security;

import java.util.List;

/** The body of {@code POST /api/keys}; {@code restaurants} null or absent = every restaurant. */
public record NewApiKey(
        @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
        String name,
        @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(
                allowableValues = {"read", "book", "host", "solve", "admin"}),
                arraySchema = @io.swagger.v3.oas.annotations.media.Schema(
                        requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED))
        List<String> scopes,
        @io.swagger.v3.oas.annotations.media.Schema(nullable = true) List<String> restaurants) {
}
