package org.tablesolver.security;

import java.util.List;

/** The body of {@code POST /api/keys}; {@code restaurants} null or absent = every restaurant. */
public record NewApiKey(String name, List<String> scopes, List<String> restaurants) {
}
