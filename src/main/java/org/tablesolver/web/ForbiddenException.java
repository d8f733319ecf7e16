package org.tablesolver.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 403: the request's API key may not do this (a restaurant it is not allowed). */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String field, String detail) {
        super(HttpStatus.FORBIDDEN, detail, List.of(new FieldProblem(field, detail)));
    }
}
