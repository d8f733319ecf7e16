package org.tablesolver.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * Runs Bean Validation on a request record and reports the violations as JSON paths
 * ({@code tables[2].maxCapacity}) in document order. Services call it themselves, so a Java caller
 * (the CLI's import) gets exactly the checks of the REST API.
 */
@Component
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link InvalidRequestException} listing every violation, the first in document order first. */
    public void validate(Object request, String pathPrefix) {
        if (request == null) {
            throw new InvalidRequestException(pathPrefix == null || pathPrefix.isEmpty() ? "body" : pathPrefix,
                    "must not be null");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return;
        }
        record Located(List<Integer> order, FieldProblem problem) {
        }
        List<Located> located = new ArrayList<>();
        for (ConstraintViolation<Object> violation : violations) {
            String path = Problems.path(pathPrefix, jsonPath(violation.getPropertyPath()));
            located.add(new Located(documentOrder(request.getClass(), violation.getPropertyPath()),
                    new FieldProblem(path, violation.getMessage())));
        }
        located.sort(Comparator.comparing(Located::order, RequestValidator::compareLists)
                .thenComparing(l -> l.problem().field())
                .thenComparing(l -> l.problem().message()));
        throw new InvalidRequestException(located.stream().map(Located::problem).toList());
    }

    static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                json.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if ((node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER)
                    && name != null && !name.startsWith("<")) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(name);
            }
        }
        return json.toString();
    }

    /** For each level of the path: the record component's position, then the list index. */
    private static List<Integer> documentOrder(Class<?> root, Path path) {
        List<Integer> order = new ArrayList<>();
        Type current = root;
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                order.add(node.getIndex() == null ? 0 : node.getIndex());
                current = elementType(current);
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.PROPERTY && name != null && !name.startsWith("<")) {
                Class<?> type = rawType(current);
                RecordComponent[] components = type != null && type.isRecord() ? type.getRecordComponents() : null;
                int position = Integer.MAX_VALUE;
                Type next = Object.class;
                if (components != null) {
                    for (int i = 0; i < components.length; i++) {
                        if (components[i].getName().equals(name)) {
                            position = i;
                            next = components[i].getGenericType();
                        }
                    }
                }
                order.add(position);
                current = next;
            }
        }
        return order;
    }

    private static Type elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
            return parameterized.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
