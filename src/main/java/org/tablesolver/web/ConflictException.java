package org.tablesolver.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 409: the request is well-formed but clashes with the stored state; nothing was changed. */
public class ConflictException extends ApiException {

    public ConflictException(String field, String detail) {
        super(HttpStatus.CONFLICT, detail, field == null ? List.of() : List.of(new FieldProblem(field, detail)));
    }

    public ConflictException(String detail, List<FieldProblem> errors) {
        super(HttpStatus.CONFLICT, detail, errors);
    }
}
