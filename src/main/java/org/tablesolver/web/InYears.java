package org.tablesolver.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date of a path or query parameter in the years the API accepts (2000 to 2100, as for dates in request
 * bodies, {@link StrictJson}); checked by Spring MVC's method validation, a 400 naming the parameter.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = InYears.Validator.class)
public @interface InYears {

    String message() default "must be in the years " + StrictJson.FIRST_YEAR + " to " + StrictJson.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<InYears, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (value.getYear() >= StrictJson.FIRST_YEAR && value.getYear() <= StrictJson.LAST_YEAR);
        }
    }
}
