package org.tablesolver.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 404: an unknown restaurant, booking or hold. */
public class NotFoundException extends ApiException {

    public NotFoundException(String field, String detail) {
        super(HttpStatus.NOT_FOUND, detail, List.of(new FieldProblem(field, detail)));
    }

    public static NotFoundException restaurant(String restaurantId) {
        return new NotFoundException("restaurantId", "Restaurant '" + restaurantId + "' does not exist.");
    }
}
