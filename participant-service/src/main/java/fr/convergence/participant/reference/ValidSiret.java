package fr.convergence.participant.reference;

import fr.convergence.participant.domain.Siret;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** 14 digits with a valid Luhn checksum: a typo in a SIRET is malformed input (400), caught with the other fields. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSiret.Validator.class)
public @interface ValidSiret {

    String message() default "must be 14 digits with a valid Luhn checksum";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidSiret, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Siret.isValid(value);
        }
    }
}
