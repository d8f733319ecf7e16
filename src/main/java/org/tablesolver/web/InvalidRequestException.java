package org.tablesolver.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/** 400: the request names unknown things, breaks a rule or is incomplete. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, describe(errors), errors);
    }

    /** A refusal that names no single field (e.g. malformed JSON). */
    public InvalidRequestException(String detail, List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    private static String describe(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "Invalid request.";
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
