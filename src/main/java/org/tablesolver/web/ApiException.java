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
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private Integer retryAfterSeconds;

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

    /** Adds a member to the problem body (e.g. {@code code}, {@code alternatives}); returns this. */
    public ApiException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Sets the answer's {@code Retry-After} (seconds); returns this. */
    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The answer's {@code Retry-After} in seconds, or null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Extra members of the problem body, in the order they were added. */
    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /** The first offending field, or null. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }
}
