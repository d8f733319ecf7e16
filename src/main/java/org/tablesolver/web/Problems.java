package org.tablesolver.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the offending fields of one request in document order, so the first one reported is the
 * first one a reader of the JSON would meet. Nothing is written before {@link #throwIfAny()} passes.
 */
public final class Problems {

    private final List<FieldProblem> problems = new ArrayList<>();

    public Problems add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** Records the problem when {@code ok} is false; returns {@code ok}. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** Joins a JSON path prefix and a field: {@code path("restaurants[1].restaurant", "tables[0].id")}. */
    public static String path(String prefix, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return field;
        }
        if (field == null || field.isEmpty()) {
            return prefix;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }
}
