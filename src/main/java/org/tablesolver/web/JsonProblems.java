package org.tablesolver.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns JSON that cannot be read into a 400 naming the offending field where there is one. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static InvalidRequestException toInvalidRequest(JsonProcessingException ex) {
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return new InvalidRequestException(List.of(new FieldProblem(jsonPath(unknown.getPath()),
                    "is not a property of this request: unknown properties are refused, so that a typo is not "
                            + "silently ignored")));
        }
        if (ex instanceof MismatchedInputException mismatch) {
            String expected = "must be " + describe(mismatch.getTargetType());
            String original = mismatch.getOriginalMessage();
            if (original != null && (original.contains("must not contain control characters")
                    || original.contains("must be in the years"))) {
                expected = original.substring(original.lastIndexOf(": ") + 2);
            } else if (mismatch.getTargetType() == LocalDateTime.class && ex instanceof InvalidFormatException format
                    && format.getValue() instanceof String text && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
                expected = "must be a local date-time without an offset or Z: times are local to the restaurant "
                        + "(its timeZone), e.g. 2026-12-04T19:30:00";
            }
            if (!mismatch.getPath().isEmpty()) {
                String field = jsonPath(mismatch.getPath());
                return new InvalidRequestException(List.of(new FieldProblem(field, expected)));
            }
            return new InvalidRequestException("The request body " + expected + ".", List.of());
        }
        String location = ex.getLocation() == null ? ""
                : " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
        return new InvalidRequestException("Malformed JSON" + location + ".", List.of());
    }

    public static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder json = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                json.append('[').append(reference.getIndex()).append(']');
            }
        }
        return json.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == LocalDateTime.class) {
            return "a local date-time (yyyy-MM-ddTHH:mm[:ss])";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
