package nl.kennisagenda.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Bean Validation for {@link WebAddresses}: null or blank, or an http(s) address with a host. */
@Documented
@Constraint(validatedBy = WebAddress.Validator.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface WebAddress {

    String message() default "must be an http(s) address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || WebAddresses.isWebAddress(value);
        }
    }
}
