package org.tablesolver.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as an RFC 9457 problem. Services throw the subclasses; the web
 * layer turns them into {@code application/problem+json}, and the CLI can print {@link #getMessage()}.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> errors;

    protected ApiException(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** Every offending field, the first one first; may be empty. */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** The first offending field, or null. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }
}
