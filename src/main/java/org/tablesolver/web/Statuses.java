package org.tablesolver.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The statuses of an operation that the OpenAPI description cannot infer ({@link OpenApiConfiguration}):
 * its success statuses when they are not just 200, the body they carry when the method's return type does not
 * say it, and the errors beyond those every operation of its shape has (401 and 403 always; 400 with
 * parameters or a body; 404 with path variables; 413 and 415 with a body).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Statuses {

    /** Success statuses; 204 has no body. */
    int[] success() default {200};

    /** The schema of the success body, when the return type is not it (e.g. {@code ResponseEntity<?>}). */
    Class<?> body() default Void.class;

    /** Errors beyond the inferred ones, e.g. 409. */
    int[] errors() default {};
}
