package org.tablesolver.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 412: the request's {@code If-Match} names a version that is no longer the stored one; nothing was changed. */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, detail, List.of(new FieldProblem("If-Match", detail)));
    }
}
