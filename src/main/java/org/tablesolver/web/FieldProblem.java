package org.tablesolver.web;

/**
 * One offending field of a refused request.
 *
 * @param field   JSON path of the field, e.g. {@code tables[2].maxCapacity}, or a path variable name
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
